package org.allmende.membership.web;

import static org.allmende.devinfra.BrokenInput.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.allmende.devinfra.BrokenInput;
import org.allmende.devinfra.BrokenInput.Endpoint;
import org.allmende.devinfra.BrokenInput.Field;
import org.allmende.devinfra.BrokenInput.Kind;
import org.allmende.devinfra.DemoLogins;
import org.allmende.membership.Admissions;
import org.allmende.membership.ApplicationForms;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Membership's command endpoints under broken input, from a fixed seed: malformed and truncated JSON, a value of
 * the wrong type in each field, numbers too large for any type, unknown enum values, missing required fields,
 * overlong strings and impossible dates. Each answer must be a 4xx with RFC 9457 problem details — a {@code type},
 * a {@code title}, and for a broken field that field's name — never a 500. The cases and the judgement of an answer
 * are dev-infra's {@link BrokenInput}, shared with billing's fuzz test.
 */
class CommandInputFuzzIT {

    private static final long SEED = 20261125L;

    private static RunningMembershipService service;
    private static Admissions.Admitted member;
    private static String applicationId;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start();
        member = Admissions.admit(service, "Gemeinde Prüfstand");
        applicationId = service.api()
                .post("/api/applications", ApplicationForms.municipality("Gemeinde Wartend"))
                .json()
                .get("applicationId")
                .asText();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static List<Endpoint> commands() {
        var n = member.number();
        var board = DemoLogins.BOARD;
        return List.of(
                new Endpoint(
                        "/api/applications",
                        null,
                        ApplicationForms.municipality("Gemeinde Zufall"),
                        List.of(
                                new Field("applicantName", Kind.TEXT, true),
                                new Field("bodyKind", Kind.ENUM, true),
                                new Field("inhabitants", Kind.INTEGER, false),
                                new Field("inhabitantsReferenceDate", Kind.DATE, false),
                                new Field("staffCount", Kind.INTEGER, false),
                                new Field("requestedShares", Kind.INTEGER, true),
                                new Field("requestedServices", Kind.LIST, false),
                                new Field("statutesVersion", Kind.TEXT, true),
                                new Field("paymentObligationAcknowledged", Kind.BOOLEAN, true))),
                new Endpoint(
                        "/api/applications/" + applicationId + "/votes",
                        board,
                        map("vote", "APPROVE", "comment", "ok"),
                        List.of(new Field("vote", Kind.ENUM, true), new Field("comment", Kind.TEXT, false))),
                new Endpoint(
                        "/api/applications/" + applicationId + "/conflicts",
                        board,
                        map("reason", "Kreistag"),
                        List.of(new Field("reason", Kind.TEXT, true))),
                new Endpoint(
                        "/api/applications/" + applicationId + "/capital-transfers",
                        board,
                        map("fromMemberNumber", n, "shares", 1),
                        List.of(
                                new Field("fromMemberNumber", Kind.INTEGER, true),
                                new Field("shares", Kind.INTEGER, true))),
                new Endpoint(
                        "/api/members/" + n + "/share-requests",
                        board,
                        map("shares", 2),
                        List.of(
                                new Field("shares", Kind.INTEGER, true),
                                new Field("expectedVersion", Kind.INTEGER, false))),
                new Endpoint(
                        "/api/members/" + n + "/share-requests/" + UUID.randomUUID() + "/decision",
                        board,
                        map("approve", true),
                        List.of(new Field("approve", Kind.BOOLEAN, true))),
                new Endpoint(
                        "/api/members/" + n + "/capital-payments",
                        DemoLogins.FINANCE,
                        map("amount", "100.00", "paidOn", "2026-01-02", "reference", "Überweisung"),
                        List.of(
                                new Field("amount", Kind.DECIMAL, true),
                                new Field("paidOn", Kind.DATE, true),
                                new Field("reference", Kind.TEXT, true))),
                new Endpoint(
                        "/api/members/" + n + "/inhabitants",
                        board,
                        map("inhabitants", 12_500, "referenceDate", "2025-12-31"),
                        List.of(
                                new Field("inhabitants", Kind.INTEGER, true),
                                new Field("referenceDate", Kind.DATE, true))),
                new Endpoint(
                        "/api/members/" + n + "/notice",
                        board,
                        map("shares", 1),
                        List.of(
                                new Field("shares", Kind.INTEGER, false),
                                new Field("expectedVersion", Kind.INTEGER, false))),
                new Endpoint(
                        "/api/members/" + n + "/exclusion",
                        board,
                        map("reason", "Beiträge nicht gezahlt"),
                        List.of(new Field("reason", Kind.TEXT, true))),
                new Endpoint(
                        "/api/members/" + n + "/transfers",
                        board,
                        map("toMemberNumber", n, "shares", 1, "agreedOn", "2026-01-02"),
                        List.of(
                                new Field("toMemberNumber", Kind.INTEGER, true),
                                new Field("shares", Kind.INTEGER, true),
                                new Field("agreedOn", Kind.DATE, false))),
                new Endpoint(
                        "/api/mergers",
                        board,
                        map("mergedMemberNumbers", List.of(n), "successorMemberNumber", n),
                        List.of(
                                new Field("mergedMemberNumbers", Kind.LIST, true),
                                new Field("successorMemberNumber", Kind.INTEGER, true),
                                new Field("agreedOn", Kind.DATE, false))),
                new Endpoint(
                        "/api/members/" + n + "/subscriptions",
                        board,
                        map("serviceCode", "RIS-TABLET", "quantity", 3, "effectiveFrom", "2026-02-01"),
                        List.of(
                                new Field("serviceCode", Kind.TEXT, true),
                                new Field("quantity", Kind.INTEGER, true),
                                new Field("effectiveFrom", Kind.DATE, true),
                                new Field("expectedVersion", Kind.INTEGER, false))),
                new Endpoint(
                        "/api/members/" + n + "/subscriptions/RIS-TABLET/quantity",
                        board,
                        map("quantity", 3, "effectiveFrom", "2026-02-01"),
                        List.of(
                                new Field("quantity", Kind.INTEGER, true),
                                new Field("effectiveFrom", Kind.DATE, true))),
                new Endpoint(
                        "/api/members/" + n + "/subscriptions/RIS-TABLET/cancellation",
                        board,
                        map("effectiveTo", "2026-12-31"),
                        List.of(new Field("effectiveTo", Kind.DATE, true))),
                new Endpoint(
                        "/api/catalog",
                        board,
                        map(
                                "code",
                                "FUZZ-1",
                                "name",
                                "Fuzz",
                                "unit",
                                "PAGE",
                                "kind",
                                "SERVICE",
                                "effectiveFrom",
                                "2026-01-01"),
                        List.of(
                                new Field("code", Kind.TEXT, true),
                                new Field("name", Kind.TEXT, true),
                                new Field("unit", Kind.ENUM, true),
                                new Field("kind", Kind.ENUM, true),
                                new Field("effectiveFrom", Kind.DATE, true))),
                new Endpoint(
                        "/api/me/share-requests",
                        DemoLogins.MEMBER_1,
                        map("shares", 2),
                        List.of(new Field("shares", Kind.INTEGER, true))),
                new Endpoint(
                        "/api/me/notice",
                        DemoLogins.MEMBER_1,
                        map("shares", 1),
                        List.of(new Field("shares", Kind.INTEGER, false))));
    }

    @Test
    void brokenInputToEveryCommandIsA4xxProblemThatNamesTheField() {
        var cases = BrokenInput.cases(commands(), SEED);
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(BrokenInput.failures(cases, service.api())).isEmpty();
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        var answer = service.api(DemoLogins.BOARD)
                .post("/api/members/" + member.number() + "/exclusion", "text/plain", "reason=none");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:allmende:problem:unsupported-media-type");
    }
}
