package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.memberId;
import static org.allmende.devinfra.BrokenInput.HUGE_INTEGER;
import static org.allmende.devinfra.BrokenInput.OVERLONG;
import static org.allmende.devinfra.BrokenInput.map;
import static org.allmende.devinfra.BrokenInput.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.BrokenInput;
import org.allmende.devinfra.BrokenInput.Case;
import org.allmende.devinfra.BrokenInput.Endpoint;
import org.allmende.devinfra.BrokenInput.Field;
import org.allmende.devinfra.BrokenInput.Kind;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing's REST boundary under broken input, from a fixed seed (dev-infra's {@link BrokenInput}, as membership's
 * fuzz test): every state-changing endpoint with malformed, truncated and non-object JSON, each field missing, null,
 * of the wrong type, overlong, with too many digits, negative, an impossible or far date, an unknown enum value;
 * camt.053 uploads that are no statement; and the query and path parameters of the reading endpoints. Each answer
 * must be a 4xx with RFC 9457 problem details naming the broken field, never a 500 — and the whole batch changes
 * nothing: every table of billing's database reads the same afterwards.
 */
class BillingInputFuzzIT {

    private static final long SEED = 20261126L;

    /** Monday, 15 June 2026, 10:00 in Germany. */
    private static final String NOW = "2026-06-15T08:00:00Z";

    private static final DemoLogins.Login FINANCE = DemoLogins.FINANCE;
    private static final DemoLogins.Login MEMBER = DemoLogins.MEMBER_1;

    private static ContractProducer membership;
    private static RunningBillingService billing;
    private static String payoutId;
    private static long unmatchedPayment;

    @BeforeAll
    static void start() {
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        billing = RunningBillingService.start(
                SharedInfrastructure.unique("billing"),
                membership.topic(),
                SharedInfrastructure.unique("usage_topic"),
                Map.of("allmende.clock.fixed", NOW));
        membership.send(
                ContractProducer.defined("DRUCK", ServiceUnit.PAGE, ServiceKind.SERVICE, LocalDate.of(2026, 1, 1)));
        membership.send(admitted(1));
        membership.send(admitted(2));
        membership.send(admitted(3));
        membership.send(new MembershipEnded(
                memberId(3),
                LocalDate.of(2025, 12, 31),
                "NOTICE",
                new BigDecimal("500.00"),
                LocalDate.of(2026, 6, 30),
                null));
        await().atMost(Duration.ofSeconds(60)).until(() -> billing.consumed() == 5);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> billing.api(FINANCE).get("/api/payouts").json().size() == 1);
        payoutId = billing.api(FINANCE)
                .get("/api/payouts")
                .json()
                .get(0)
                .path("payoutId")
                .asText();
        var payment = billing.api(FINANCE)
                .post(
                        "/api/payments",
                        "{\"amount\":\"12.34\",\"bookedOn\":\"2026-06-12\",\"referenceText\":\"Spende\"}");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        unmatchedPayment = payment.json().path("id").asLong();
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
    }

    /** Every state-changing JSON endpoint, a body it would take, and its fields. */
    static List<Endpoint> commands() {
        return List.of(
                new Endpoint(
                        "/api/tariffs",
                        FINANCE,
                        map(
                                "serviceCode",
                                "DRUCK",
                                "effectiveFrom",
                                "2026-07-01",
                                "costSharingEligible",
                                false,
                                "model",
                                map("type", "PER_UNIT", "unitPrice", "0.0123")),
                        List.of(
                                new Field("serviceCode", Kind.TEXT, true).alsoBroken("", " "),
                                new Field("effectiveFrom", Kind.DATE, true),
                                new Field("costSharingEligible", Kind.BOOLEAN, false),
                                new Field("model", Kind.TEXT, true),
                                new Field("model.type", Kind.ENUM, true),
                                new Field("model.unitPrice", Kind.PRICE, true)
                                        .alsoBroken(raw(HUGE_INTEGER), raw(HUGE_INTEGER + ".5"), raw("1e30")))),
                new Endpoint(
                        "/api/tariffs",
                        FINANCE,
                        map(
                                "serviceCode", "DRUCK",
                                "effectiveFrom", "2026-07-01",
                                "model",
                                        map(
                                                "type",
                                                "GRADUATED_TIERS",
                                                "tiers",
                                                List.of(
                                                        map("upTo", 1000, "unitPrice", "0.02"),
                                                        map("unitPrice", "0.01")))),
                        List.of(new Field("model.tiers", Kind.LIST, true)
                                .alsoBroken(
                                        List.of(map("upTo", raw(HUGE_INTEGER), "unitPrice", "0.02")),
                                        List.of(map("upTo", 1000, "unitPrice", "0.0000001")),
                                        List.of(),
                                        List.of(map("upTo", -5, "unitPrice", "0.02"))))),
                new Endpoint(
                        "/api/invoice-runs",
                        FINANCE,
                        map("period", "2026-05"),
                        List.of(new Field("period", Kind.TEXT, true)
                                .alsoBroken(
                                        "2026-13", "2026-Q5", "26-05", "2026-5", "", "Mai 2026", 202605, "2026-W01"))),
                new Endpoint(
                        "/api/capital-calls",
                        FINANCE,
                        map("portion", "FIRST_INSTALMENT", "dueOn", "2026-07-15"),
                        List.of(new Field("portion", Kind.ENUM, false), new Field("dueOn", Kind.DATE, false)),
                        true),
                new Endpoint(
                        "/api/payouts/" + payoutId + "/payment",
                        FINANCE,
                        map(
                                "paidOn", "2026-06-15",
                                "iban", "DE02 1203 0000 0000 2020 51",
                                "bic", "BYLADEM1001",
                                "accountHolder", "Gemeinde 3"),
                        List.of(
                                new Field("paidOn", Kind.DATE, false),
                                new Field("iban", Kind.TEXT, false)
                                        .alsoBroken("DE00 1203 0000 0000 2020 51", "kein Konto"),
                                new Field("bic", Kind.TEXT, false).alsoBroken("NOTABIC!", "X"),
                                new Field("accountHolder", Kind.TEXT, false)),
                        true),
                new Endpoint(
                        "/api/payments",
                        FINANCE,
                        map(
                                "memberNumber", 1,
                                "amount", "10.00",
                                "bookedOn", "2026-06-12",
                                "valueDate", "2026-06-12",
                                "referenceText", "Rechnung Mai",
                                "debtorName", "Gemeinde 1",
                                "debtorIban", "DE02120300000000202051",
                                "bankReference", "FUZZ-1"),
                        List.of(
                                new Field("memberNumber", Kind.INTEGER, false).alsoBroken(0),
                                new Field("amount", Kind.DECIMAL, true)
                                        .alsoBroken(
                                                raw("0"), raw("1234567890123.00"), raw(HUGE_INTEGER), raw("1e-400")),
                                new Field("bookedOn", Kind.DATE, true),
                                new Field("valueDate", Kind.DATE, false),
                                new Field("referenceText", Kind.TEXT, false),
                                new Field("debtorName", Kind.TEXT, false),
                                new Field("debtorIban", Kind.TEXT, false).alsoBroken("DE00 1203 0000 0000 2020 51"),
                                new Field("bankReference", Kind.TEXT, false))),
                new Endpoint(
                        "/api/payments/" + unmatchedPayment + "/assignment",
                        FINANCE,
                        map("memberNumber", 1, "documentNumbers", List.of("RE-2026-000001")),
                        List.of(
                                new Field("memberNumber", Kind.INTEGER, true).alsoBroken(0),
                                new Field("documentNumbers", Kind.LIST, false)
                                        .alsoBroken(List.of(""), List.of(OVERLONG), java.util.Arrays.asList((Object)
                                                null)))),
                new Endpoint(
                        "/api/members/1/mandates",
                        FINANCE,
                        map(
                                "reference", "MANDAT-1",
                                "signedOn", "2026-06-01",
                                "debtorName", "Gemeinde 1",
                                "iban", "DE02120300000000202051",
                                "bic", "BYLADEM1001"),
                        List.of(
                                new Field("reference", Kind.TEXT, true).alsoBroken("", " "),
                                new Field("signedOn", Kind.DATE, true),
                                new Field("debtorName", Kind.TEXT, true).alsoBroken(""),
                                new Field("iban", Kind.TEXT, true)
                                        .alsoBroken("DE00 1203 0000 0000 2020 51", "kein Konto"),
                                new Field("bic", Kind.TEXT, false).alsoBroken("NOTABIC!", "X"))),
                new Endpoint(
                        "/api/direct-debits",
                        FINANCE,
                        map("collectionDate", "2026-06-22"),
                        List.of(new Field("collectionDate", Kind.DATE, true))),
                new Endpoint(
                        "/api/direct-debits/returns",
                        FINANCE,
                        map("endToEndId", "E2E-1", "returnedOn", "2026-06-12", "reason", "MD06"),
                        List.of(
                                new Field("endToEndId", Kind.TEXT, true).alsoBroken(""),
                                new Field("returnedOn", Kind.DATE, true),
                                new Field("reason", Kind.TEXT, false))),
                new Endpoint(
                        "/api/rejected-usage/recheck",
                        FINANCE,
                        map("sendingSystem", "zaehler", "recordId", "r-1"),
                        List.of(
                                new Field("sendingSystem", Kind.TEXT, true).alsoBroken(""),
                                new Field("recordId", Kind.TEXT, true).alsoBroken(" "))),
                new Endpoint(
                        "/api/rejected-usage/dismissal",
                        FINANCE,
                        map("sendingSystem", "zaehler", "recordId", "r-1", "reason", "Testzähler"),
                        List.of(
                                new Field("sendingSystem", Kind.TEXT, true),
                                new Field("recordId", Kind.TEXT, true),
                                new Field("reason", Kind.TEXT, true).alsoBroken(""))),
                new Endpoint(
                        "/api/parked-records/999/discard",
                        DemoLogins.ADMIN,
                        map("reason", "kaputt"),
                        List.of(new Field("reason", Kind.TEXT, true).alsoBroken(""))));
    }

    /** camt.053 uploads that are no statement billing can read, and bodies of the wrong media type. */
    static List<Case> statements() {
        var valid = statement("sparkasse-2026-06-12.camt053.001.02.xml");
        var entry = valid.indexOf("<Ntry>");
        var amount = "<Amt Ccy=\"EUR\">119.00</Amt>";
        var cases = new ArrayList<Case>();
        var bodies = new LinkedHashMap<String, String>();
        bodies.put("an empty file", "");
        bodies.put("no XML", "Kontoauszug vom 12.06.2026");
        bodies.put("JSON", "{\"Document\": {}}");
        bodies.put("HTML", "<html><body>Sitzung abgelaufen</body></html>");
        bodies.put("cut in half", valid.substring(0, valid.length() / 2));
        bodies.put("cut after the declaration", valid.substring(0, 40));
        bodies.put("another namespace", valid.replace("camt.053.001.02", "camt.052.001.02"));
        bodies.put("no namespace", valid.replaceFirst(" xmlns=\"[^\"]+\"", ""));
        bodies.put(
                "pain.008 instead",
                "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                        + "pain.008.001.02\"><CstmrDrctDbtInitn/></Document>");
        bodies.put(
                "a document type declaration",
                valid.replace(
                        "<Document ", "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Document "));
        bodies.put(
                "entity expansion",
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                        + "<Document>&lol2;</Document>");
        for (var broken : List.of(
                "<Amt Ccy=\"EUR\">" + HUGE_INTEGER + ".00</Amt>",
                "<Amt Ccy=\"EUR\">1e400</Amt>",
                "<Amt Ccy=\"EUR\">-119.00</Amt>",
                "<Amt Ccy=\"EUR\">119.001</Amt>",
                "<Amt Ccy=\"EUR\">hundert</Amt>",
                "<Amt Ccy=\"EUR\"></Amt>",
                "<Amt Ccy=\"EUR\">" + "9".repeat(5000) + "</Amt>",
                "<Amt Ccy=\"EUR\">12.3.4</Amt>")) {
            bodies.put("an entry's amount " + BrokenInput.shorten(broken), replaceAfter(valid, entry, amount, broken));
        }
        for (var date : List.of("2026-02-30", "gestern", "+999999999-12-31", "")) {
            bodies.put(
                    "a booking date " + date,
                    replaceAfter(
                            valid,
                            entry,
                            "<BookgDt>\n          <Dt>2026-06-12</Dt>",
                            "<BookgDt>\n          <Dt>" + date + "</Dt>"));
        }
        bodies.put("an entry's reference overlong", replaceAfter(valid, entry, "2026061209481000001", OVERLONG));
        bodies.put("an overlong debtor name", replaceAfter(valid, entry, "Gemeinde Ahnatal", OVERLONG));
        bodies.put("an entry without CdtDbtInd", replaceAfter(valid, entry, "<CdtDbtInd>CRDT</CdtDbtInd>", ""));
        bodies.put(
                "an unknown CdtDbtInd",
                replaceAfter(valid, entry, "<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>XXX</CdtDbtInd>"));
        for (var body : bodies.entrySet()) {
            cases.add(Case.post(
                    "/api/bank-statements", FINANCE, "application/xml", body.getValue(), "body", body.getKey()));
        }
        cases.add(Case.post("/api/bank-statements", FINANCE, "text/plain", valid, null, "the statement as text/plain"));
        cases.add(Case.post(
                "/api/bank-statements", FINANCE, "application/json", valid, null, "the statement as application/json"));
        cases.add(Case.post(
                "/api/bank-statements",
                FINANCE,
                "application/xml; charset=nonsense",
                valid,
                null,
                "an unknown charset"));
        cases.add(Case.post("/api/bank-statements", FINANCE, "kein/typ/", valid, null, "a broken content type"));
        return cases;
    }

    /** The state-changing endpoints without a body: their path variables of the wrong type or unknown. */
    static List<Case> paths() {
        var unknown = UUID.nameUUIDFromBytes("unknown".getBytes(StandardCharsets.UTF_8));
        var cases = new ArrayList<Case>();
        for (var runId : List.of("kein-lauf", "1234", unknown.toString())) {
            cases.add(Case.post(
                    "/api/invoice-runs/" + runId + "/issue",
                    FINANCE,
                    "application/json",
                    "",
                    "runId",
                    "runId " + runId));
        }
        for (var id : List.of("zwölf", HUGE_INTEGER, "999999")) {
            cases.add(Case.post(
                    "/api/parked-records/" + encode(id) + "/retry",
                    DemoLogins.ADMIN,
                    "application/json",
                    "",
                    "id",
                    "id " + id));
            cases.add(Case.post(
                    "/api/payments/" + encode(id) + "/assignment",
                    FINANCE,
                    "application/json",
                    "{\"memberNumber\":1}",
                    "id",
                    "id " + id));
            cases.add(Case.post(
                    "/api/members/" + encode(id) + "/mandates",
                    FINANCE,
                    "application/json",
                    "{\"reference\":\"M-1\",\"signedOn\":\"2026-06-01\",\"debtorName\":\"G\",\"iban\":"
                            + "\"DE02120300000000202051\"}",
                    "memberNumber",
                    "memberNumber " + id));
        }
        for (var id : List.of("kein-auszahlung", unknown.toString())) {
            cases.add(Case.post(
                    "/api/payouts/" + id + "/payment",
                    FINANCE,
                    "application/json",
                    "{}",
                    "payoutId",
                    "payoutId " + id));
        }
        return cases;
    }

    /** The reading endpoints: each query or path parameter given values that are none of its kind. */
    static List<Case> queries() {
        var dates =
                List.of("2026-02-30", "2026-13-01", "gestern", "31.12.2025", "+999999999-12-31", "-999999999-01-01");
        var integers = List.of("zwölf", HUGE_INTEGER, "1.5", "1e3");
        var months = List.of("2026-13", "2026-00", "2026-1", "26-01", "Januar", "+99999-01", "2026-01-01");
        var periods = List.of("2026-Q5", "2026-13", "", "Q1-2026", "20266", "2026-W01", "2026-1");
        var cases = new ArrayList<Case>();
        for (var prefix : List.of("/api/members/1", "/api/me")) {
            var login = prefix.equals("/api/me") ? MEMBER : FINANCE;
            for (var date : dates) {
                cases.add(query(prefix + "/subscriptions", "on", date, login));
                cases.add(query(prefix + "/usage", "from", date, login));
                cases.add(query(prefix + "/usage", "to", date, login));
            }
            cases.add(query(prefix + "/usage?from=2026-06-01", "to", "2026-01-01", login));
            cases.add(query(prefix + "/usage?from=0001-01-01", "to", "9999-12-31", login));
            for (var period : periods) {
                cases.add(query(prefix + "/contributions", "period", period, login));
            }
            cases.add(Case.get(prefix + "/contributions", login, "period", "period missing"));
            for (var year : List.of("zwölf", HUGE_INTEGER, "2026", "-1", "99999", "1.5")) {
                cases.add(query(prefix + "/budget", "year", year, login));
                cases.add(query(prefix + "/budget/export", "year", year, login));
            }
            for (var month : months) {
                cases.add(query(prefix + "/usage/months", "from", month, login));
                cases.add(query(prefix + "/usage/months", "to", month, login));
                cases.add(query(prefix + "/usage/export", "from", month, login));
                cases.add(Case.get(prefix + "/usage/months/" + encode(month), login, "month", "month " + month));
            }
            cases.add(query(prefix + "/usage/months?from=2020-01", "to", "2026-06", login));
            cases.add(query(prefix + "/usage/months", "service", "KEIN-DIENST", login));
            cases.add(query(prefix + "/usage/export", "granularity", "week", login));
            cases.add(query(prefix + "/usage/export", "service", OVERLONG.substring(0, 2000), login));
        }
        for (var member : List.of("zwölf", HUGE_INTEGER, "1.5")) {
            for (var path : List.of("", "/subscriptions", "/account", "/mandates", "/usage", "/usage/months")) {
                cases.add(Case.get(
                        "/api/members/" + encode(member) + path, FINANCE, "memberNumber", "memberNumber " + member));
            }
        }
        for (var date : dates) {
            cases.add(query("/api/catalog", "on", date, FINANCE));
            cases.add(query("/api/tariffs", "on", date, FINANCE));
        }
        for (var value : integers) {
            cases.add(query("/api/late-usage", "member", value, FINANCE));
            cases.add(query("/api/documents", "member", value, FINANCE));
        }
        cases.add(query("/api/late-usage", "settled", "vielleicht", FINANCE));
        for (var value : List.of("MAYBE", "invoice", "1", " ")) {
            cases.add(query("/api/documents", "type", value, FINANCE));
            cases.add(query("/api/me/documents", "type", value, MEMBER));
            cases.add(query("/api/payouts", "status", value, FINANCE));
            cases.add(query("/api/payments", "status", value, FINANCE));
            cases.add(query("/api/parked-records", "status", value, DemoLogins.ADMIN));
        }
        for (var id : List.of("zwölf", HUGE_INTEGER)) {
            cases.add(Case.get("/api/payments/" + encode(id), FINANCE, "id", "id " + id));
            cases.add(Case.get("/api/direct-debits/" + encode(id), FINANCE, "id", "id " + id));
            cases.add(Case.get("/api/direct-debits/" + encode(id) + "/pain.008", FINANCE, "id", "id " + id));
            cases.add(Case.get("/api/parked-records/" + encode(id), DemoLogins.ADMIN, "id", "id " + id));
        }
        for (var id : List.of("kein-lauf", "1234")) {
            cases.add(Case.get("/api/invoice-runs/" + id, FINANCE, "runId", "runId " + id));
            cases.add(Case.get("/api/payouts/" + id, FINANCE, "payoutId", "payoutId " + id));
            cases.add(Case.get("/api/payouts/" + id + "/pain.001", FINANCE, "payoutId", "payoutId " + id));
        }
        cases.add(Case.get("/api/documents/RE-2026-000001/xml", FINANCE, null, "format xml"));
        cases.add(Case.get("/api/documents/" + encode(OVERLONG.substring(0, 2000)), FINANCE, null, "a long number"));
        return cases;
    }

    @Test
    void brokenInputToEveryEndpointIsA4xxProblemThatNamesTheFieldAndChangesNothing() {
        var cases = new ArrayList<Case>();
        cases.addAll(BrokenInput.cases(commands(), SEED));
        cases.addAll(statements());
        cases.addAll(paths());
        cases.addAll(queries());
        var before = state();

        var failures = BrokenInput.failures(cases, billing.api());

        assertThat(cases).hasSizeGreaterThan(500);
        assertThat(failures).isEmpty();
        assertThat(state()).as("every table after the broken requests").isEqualTo(before);
    }

    /** Each table of billing's database with a digest of its rows, but the processors' claims that move on. */
    private static Map<String, String> state() {
        var jdbc = billing.jdbc();
        var tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema()"
                        + " and table_type = 'BASE TABLE' and table_name not in ('token_entry',"
                        + " 'flyway_schema_history') order by table_name",
                String.class);
        var state = new LinkedHashMap<String, String>();
        for (var table : tables) {
            state.put(
                    table,
                    jdbc.queryForObject(
                            "select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                                    + " from " + table + " t",
                            String.class));
        }
        return state;
    }

    private static Case query(String path, String parameter, String value, DemoLogins.Login login) {
        var separator = path.contains("?") ? "&" : "?";
        return Case.get(
                path + separator + parameter + "=" + encode(value),
                login,
                parameter,
                parameter + "=" + BrokenInput.shorten(value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String replaceAfter(String text, int from, String target, String replacement) {
        var at = text.indexOf(target, from);
        assertThat(at).as(target).isGreaterThanOrEqualTo(0);
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private static String statement(String name) {
        try (var in = BillingInputFuzzIT.class.getResourceAsStream("/camt053/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
