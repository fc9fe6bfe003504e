package org.allmende.membership.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.allmende.membership.register.MemberRegisterEntry;
import org.allmende.membership.register.Register;
import org.allmende.membership.register.RegisterChange;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** §31 GenG: every member may have an extract of its own entries in the register — as JSON or to print. */
@RestController
class RegisterExtractController {

    record RegisterExtract(MemberRegisterEntry entry, List<RegisterChange> changes, Instant producedAt) {}

    private final Register register;
    private final Clock clock;

    RegisterExtractController(Register register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @GetMapping(path = "/api/me/register-extract", produces = MediaType.APPLICATION_JSON_VALUE)
    RegisterExtract mine() {
        return extract(CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member.")));
    }

    @GetMapping(path = "/api/me/register-extract", produces = MediaType.TEXT_HTML_VALUE)
    String mineToPrint() {
        return html(mine());
    }

    @GetMapping(path = "/api/members/{memberNumber}/register-extract", produces = MediaType.APPLICATION_JSON_VALUE)
    RegisterExtract of(@PathVariable long memberNumber) {
        return extract(memberNumber);
    }

    @GetMapping(path = "/api/members/{memberNumber}/register-extract", produces = MediaType.TEXT_HTML_VALUE)
    String ofToPrint(@PathVariable long memberNumber) {
        return html(extract(memberNumber));
    }

    private RegisterExtract extract(long memberNumber) {
        var entry = register.member(memberNumber)
                .orElseThrow(() -> new NotFound("There is no member number " + memberNumber + "."));
        return new RegisterExtract(entry, register.changes(entry.memberId()), clock.instant());
    }

    /** A page of its own, to print; styled by a style sheet, so the pages' content security policy allows it. */
    static String html(RegisterExtract extract) {
        var entry = extract.entry();
        var rows = new StringBuilder();
        for (var change : extract.changes()) {
            rows.append("<tr><td>")
                    .append(change.effectiveOn())
                    .append("</td><td>")
                    .append(e(change.description()))
                    .append("</td><td class=\"n\">")
                    .append(change.sharesAfter())
                    .append("</td><td class=\"n\">")
                    .append(change.capitalAfter())
                    .append("</td><td>")
                    .append(change.recordedAt())
                    .append("</td></tr>\n");
        }
        var address = entry.address();
        return """
                <!DOCTYPE html>
                <html lang="de"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Auszug aus der Mitgliederliste – Nr. %d</title>
                <link rel="stylesheet" href="/membership/register-extract.css">
                </head><body><main>
                <h1>Auszug aus der Mitgliederliste (§ 31 GenG)</h1>
                <p><strong>Mitglied Nr. %d</strong>: %s, %s, %s %s</p>
                <p>Eingetreten am %s · Geschäftsanteile: %d · Geschäftsguthaben: %s EUR · Status: %s</p>
                <table><caption>Eintragungen in der Mitgliederliste</caption>
                <thead><tr><th scope="col">Wirksam am</th><th scope="col">Eintragung</th>
                <th scope="col">Anteile danach</th><th scope="col">Guthaben danach (EUR)</th>
                <th scope="col">Eingetragen am</th></tr></thead>
                <tbody>
                %s</tbody></table>
                <p><small>Erstellt am %s</small></p>
                </main></body></html>
                """
                .formatted(
                        entry.memberNumber(),
                        entry.memberNumber(),
                        e(entry.name()),
                        e(address.street()),
                        e(address.postalCode()),
                        e(address.city()),
                        entry.joinedOn(),
                        entry.shares(),
                        entry.paidInCapital(),
                        e(entry.status()),
                        rows,
                        extract.producedAt());
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
