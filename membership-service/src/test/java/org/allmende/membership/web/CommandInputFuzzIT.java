package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.allmende.devinfra.DemoLogins;
import org.allmende.membership.Admissions;
import org.allmende.membership.ApplicationForms;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Membership's command endpoints under broken input, from a fixed seed: malformed and truncated JSON, a value of
 * the wrong type in each field, numbers too large for any type, unknown enum values, missing required fields,
 * overlong strings and impossible dates. Each answer must be a 4xx with RFC 9457 problem details — a {@code type},
 * a {@code title}, and for a broken field that field's name — never a 500.
 */
class CommandInputFuzzIT {

    private static final long SEED = 20261125L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE_INTEGER = "123456789012345678901234567890";
    private static final String OVERLONG = "x".repeat(100_000);

    private static RunningMembershipService service;
    private static Admissions.Admitted member;
    private static String applicationId;

    enum Kind {
        INTEGER,
        DECIMAL,
        TEXT,
        DATE,
        BOOLEAN,
        ENUM,
        LIST
    }

    /** A field of a command's body: its JSON type, and whether leaving it out is an error. */
    record Field(String name, Kind kind, boolean required) {}

    /** A command endpoint, a body it would accept, and its fields. */
    record Command(String path, DemoLogins.Login login, Map<String, Object> valid, List<Field> fields) {}

    /** One broken request and what the answer has to name. */
    record Case(Command command, String description, String body, String field) {}

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

    static List<Command> commands() {
        var n = member.number();
        var board = DemoLogins.BOARD;
        return List.of(
                new Command(
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
                new Command(
                        "/api/applications/" + applicationId + "/votes",
                        board,
                        map("vote", "APPROVE", "comment", "ok"),
                        List.of(new Field("vote", Kind.ENUM, true), new Field("comment", Kind.TEXT, false))),
                new Command(
                        "/api/applications/" + applicationId + "/conflicts",
                        board,
                        map("reason", "Kreistag"),
                        List.of(new Field("reason", Kind.TEXT, true))),
                new Command(
                        "/api/applications/" + applicationId + "/capital-transfers",
                        board,
                        map("fromMemberNumber", n, "shares", 1),
                        List.of(
                                new Field("fromMemberNumber", Kind.INTEGER, true),
                                new Field("shares", Kind.INTEGER, true))),
                new Command(
                        "/api/members/" + n + "/share-requests",
                        board,
                        map("shares", 2),
                        List.of(
                                new Field("shares", Kind.INTEGER, true),
                                new Field("expectedVersion", Kind.INTEGER, false))),
                new Command(
                        "/api/members/" + n + "/share-requests/" + UUID.randomUUID() + "/decision",
                        board,
                        map("approve", true),
                        List.of(new Field("approve", Kind.BOOLEAN, true))),
                new Command(
                        "/api/members/" + n + "/capital-payments",
                        DemoLogins.FINANCE,
                        map("amount", "100.00", "paidOn", "2026-01-02", "reference", "Überweisung"),
                        List.of(
                                new Field("amount", Kind.DECIMAL, true),
                                new Field("paidOn", Kind.DATE, true),
                                new Field("reference", Kind.TEXT, true))),
                new Command(
                        "/api/members/" + n + "/inhabitants",
                        board,
                        map("inhabitants", 12_500, "referenceDate", "2025-12-31"),
                        List.of(
                                new Field("inhabitants", Kind.INTEGER, true),
                                new Field("referenceDate", Kind.DATE, true))),
                new Command(
                        "/api/members/" + n + "/notice",
                        board,
                        map("shares", 1),
                        List.of(
                                new Field("shares", Kind.INTEGER, false),
                                new Field("expectedVersion", Kind.INTEGER, false))),
                new Command(
                        "/api/members/" + n + "/exclusion",
                        board,
                        map("reason", "Beiträge nicht gezahlt"),
                        List.of(new Field("reason", Kind.TEXT, true))),
                new Command(
                        "/api/members/" + n + "/transfers",
                        board,
                        map("toMemberNumber", n, "shares", 1, "agreedOn", "2026-01-02"),
                        List.of(
                                new Field("toMemberNumber", Kind.INTEGER, true),
                                new Field("shares", Kind.INTEGER, true),
                                new Field("agreedOn", Kind.DATE, false))),
                new Command(
                        "/api/mergers",
                        board,
                        map("mergedMemberNumbers", List.of(n), "successorMemberNumber", n),
                        List.of(
                                new Field("mergedMemberNumbers", Kind.LIST, true),
                                new Field("successorMemberNumber", Kind.INTEGER, true),
                                new Field("agreedOn", Kind.DATE, false))),
                new Command(
                        "/api/members/" + n + "/subscriptions",
                        board,
                        map("serviceCode", "RIS-TABLET", "quantity", 3, "effectiveFrom", "2026-02-01"),
                        List.of(
                                new Field("serviceCode", Kind.TEXT, true),
                                new Field("quantity", Kind.INTEGER, true),
                                new Field("effectiveFrom", Kind.DATE, true),
                                new Field("expectedVersion", Kind.INTEGER, false))),
                new Command(
                        "/api/members/" + n + "/subscriptions/RIS-TABLET/quantity",
                        board,
                        map("quantity", 3, "effectiveFrom", "2026-02-01"),
                        List.of(
                                new Field("quantity", Kind.INTEGER, true),
                                new Field("effectiveFrom", Kind.DATE, true))),
                new Command(
                        "/api/members/" + n + "/subscriptions/RIS-TABLET/cancellation",
                        board,
                        map("effectiveTo", "2026-12-31"),
                        List.of(new Field("effectiveTo", Kind.DATE, true))),
                new Command(
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
                new Command(
                        "/api/me/share-requests",
                        DemoLogins.MEMBER_1,
                        map("shares", 2),
                        List.of(new Field("shares", Kind.INTEGER, true))),
                new Command(
                        "/api/me/notice",
                        DemoLogins.MEMBER_1,
                        map("shares", 1),
                        List.of(new Field("shares", Kind.INTEGER, false))));
    }

    /** Broken values of each kind; none of them can be read as a valid value of that kind. */
    static List<Object> broken(Kind kind) {
        var object = Map.of("nested", 1);
        return switch (kind) {
            case INTEGER ->
                List.of("zwölf", raw(HUGE_INTEGER), raw("1e400"), raw("-" + HUGE_INTEGER), -7, object, List.of(1));
            case DECIMAL -> List.of("viel", "12.345", "-1", raw("1e400"), object, true);
            case TEXT -> List.of(OVERLONG, object, List.of("a"));
            case DATE -> List.of("2026-13-45", "2026-02-30", "gestern", "31.12.2025", object, true);
            case BOOLEAN -> List.of("vielleicht", object, List.of(true));
            case ENUM -> List.of("MAYBE", "approve ", object, List.of("APPROVE"), raw("99"));
            case LIST -> List.of("X", object, List.of(object), List.of(raw(HUGE_INTEGER)));
        };
    }

    /** A number written as it is, beyond what a Java value of the target holds. */
    record Raw(String json) {}

    static Raw raw(String json) {
        return new Raw(json);
    }

    static List<Case> cases() {
        var random = new Random(SEED);
        var cases = new ArrayList<Case>();
        for (var command : commands()) {
            var valid = write(command.valid());
            cases.add(new Case(
                    command, "not JSON", "{\"" + command.fields().get(0).name() + "\": ", null));
            cases.add(new Case(command, "a JSON array", "[1, 2]", null));
            cases.add(new Case(command, "a JSON string", "\"text\"", null));
            cases.add(new Case(command, "an empty body", "", null));
            for (int i = 0; i < 3; i++) {
                var cut = 1 + random.nextInt(valid.length() - 2);
                cases.add(new Case(command, "cut after " + cut + " characters", valid.substring(0, cut), null));
            }
            for (var field : command.fields()) {
                if (field.required()) {
                    var without = new HashMap<>(command.valid());
                    without.remove(field.name());
                    cases.add(new Case(command, field.name() + " missing", write(without), field.name()));
                    var nulled = new HashMap<>(command.valid());
                    nulled.put(field.name(), null);
                    cases.add(new Case(command, field.name() + " null", write(nulled), field.name()));
                }
                var values = new ArrayList<>(broken(field.kind()));
                java.util.Collections.shuffle(values, random);
                for (var value : values) {
                    var changed = new HashMap<>(command.valid());
                    changed.put(field.name(), value);
                    cases.add(new Case(command, field.name() + " = " + shorten(value), write(changed), field.name()));
                }
            }
        }
        return cases;
    }

    @Test
    void brokenInputToEveryCommandIsA4xxProblemThatNamesTheField() {
        var failures = new ArrayList<String>();
        var cases = cases();
        for (var broken : cases) {
            var client = broken.command().login() == null
                    ? service.api()
                    : service.api(broken.command().login());
            var answer = client.post(broken.command().path(), "application/json", broken.body());
            var problem = answer.json();
            var what = broken.command().path() + " with " + broken.description() + " -> " + answer.status() + " "
                    + shorten(answer.body());
            if (answer.status() < 400 || answer.status() >= 500) {
                failures.add("not a 4xx: " + what);
                continue;
            }
            if (!answer.contentType().startsWith("application/problem+json")
                    || problem.path("type").asText().isEmpty()
                    || problem.path("title").asText().isEmpty()) {
                failures.add("no problem details: " + what);
                continue;
            }
            if (broken.field() != null && answer.status() == 400 && !names(problem, broken.field())) {
                failures.add("the field " + broken.field() + " is not named: " + what);
            }
        }
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(failures).isEmpty();
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        var answer = service.api(DemoLogins.BOARD)
                .post("/api/members/" + member.number() + "/exclusion", "text/plain", "reason=none");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:allmende:problem:unsupported-media-type");
    }

    private static boolean names(com.fasterxml.jackson.databind.JsonNode problem, String field) {
        for (var error : problem.path("errors")) {
            if (error.path("field").asText().startsWith(field)) {
                return true;
            }
        }
        return problem.path("detail").asText().contains(field);
    }

    private static String write(Map<String, Object> body) {
        var json = new StringBuilder("{");
        var first = true;
        for (var entry : new LinkedHashMap<>(body).entrySet()) {
            json.append(first ? "" : ",")
                    .append(JSON.writeValueAsString(entry.getKey()))
                    .append(':');
            json.append(value(entry.getValue()));
            first = false;
        }
        return json.append('}').toString();
    }

    private static String value(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof List<?> list) {
            var items = new ArrayList<String>();
            list.forEach(item -> items.add(value(item)));
            return "[" + String.join(",", items) + "]";
        }
        return JSON.writeValueAsString(value);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String shorten(Object value) {
        var text = value instanceof Raw raw ? raw.json() : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }
}
