package org.allmende.localrun.demo;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.localrun.Platform;

/**
 * Seeds the local run with a demo cooperative, through the services' public HTTP APIs only: municipalities admitted
 * by two board votes, shares paid in part, subscriptions to every service of the catalog, a tariff for each,
 * months of usage through the usage batch intake, monthly invoice runs issued, most invoices paid, one application
 * waiting for the board and one member that gave notice (ADR 0028).
 *
 * <p>Idempotent: the notice is the last step, so a member of the plan that gave notice means the seed is complete
 * and nothing is done; otherwise every step looks before it acts (members by name, subscriptions and tariffs by
 * service code, usage by stable record ids that the intake answers as duplicates, invoice runs by the periods
 * already invoiced, payments by their bank reference).
 *
 * <p>Members are admitted on the history's first day: admission takes membership's today, so membership is
 * restarted with its clock fixed on that day for the admissions alone (ADR 0028).
 */
public final class DemoCooperative {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int BATCH = 5_000;
    private static final String MEMBERSHIP_FEE = "MEMBERSHIP-FEE";

    /**
     * What to seed: the members, the application left pending, the member that gives notice, the member that leaves
     * an invoice unpaid past its due date (it pays by transfer), the member whose capital call stays open, months of
     * history.
     */
    public record Plan(
            List<DemoMunicipality> members,
            DemoMunicipality pending,
            DemoMunicipality givesNotice,
            DemoMunicipality overdue,
            DemoMunicipality capitalCallOpen,
            int months) {

        /** The local run's demo: six bodies of every size and a year of history. */
        public static Plan full() {
            return new Plan(
                    DemoMunicipality.ALL,
                    DemoMunicipality.PENDING,
                    DemoMunicipality.WIESENGRUND,
                    DemoMunicipality.ZWECKVERBAND,
                    DemoMunicipality.KREISSTADT,
                    12);
        }

        /** Two bodies and a year: the same steps, quick enough for a test. */
        public static Plan small() {
            return new Plan(
                    List.of(DemoMunicipality.KREISSTADT, DemoMunicipality.WIESENGRUND),
                    DemoMunicipality.PENDING,
                    DemoMunicipality.WIESENGRUND,
                    DemoMunicipality.WIESENGRUND,
                    DemoMunicipality.KREISSTADT,
                    12);
        }

        /** The history's first day: the first of the month {@code months} before today's. */
        public LocalDate historyStart(LocalDate today) {
            return today.withDayOfMonth(1).minusMonths(months);
        }

        /**
         * What the platform needs to be started with for this plan: the catalog offered from the history's first day
         * (membership's catalog seed offers its services from 2026-01-01 unless told otherwise). Only a first start
         * on an empty database defines the catalog; on one defined later the history begins with the catalog.
         */
        public Map<String, String> platformProperties(Clock clock) {
            return Map.of(
                    "allmende.catalog.offered-from",
                    historyStart(LocalDate.now(clock)).toString());
        }
    }

    /** What the seed found or did. */
    public record Outcome(
            boolean alreadySeeded,
            LocalDate historyFrom,
            LocalDate historyTo,
            Map<String, Long> memberNumbers,
            int usageRecordsAccepted,
            int invoicesIssued,
            int paymentsRecorded,
            int mandatesRecorded,
            int capitalCallsIssued) {

        /** Member number → name of the demo's members. */
        public Map<Long, String> memberNames() {
            var names = new LinkedHashMap<Long, String>();
            memberNumbers.forEach((name, number) -> names.put(number, name));
            return names;
        }
    }

    /** What a demo login is for, as the launcher prints it: the role's work, and a member login's municipality. */
    public static String describe(DemoLogins.Login login, Map<Long, String> memberNames) {
        if (login.memberNumber() != null) {
            var name = memberNames.get(login.memberNumber());
            return "staff of member " + login.memberNumber() + (name == null ? "" : ", " + name);
        }
        return switch (login.roles()) {
            case "BOARD" -> "board: admits members, decides on shares and notices";
            case "FINANCE" -> "finance: tariffs, invoice runs, payments";
            case "ADMIN" -> "operations: health, parked records, rebuilds";
            case "METER" -> "a meter: posts usage batches";
            default -> "";
        };
    }

    private final Platform platform;
    private final Clock clock;
    private final Plan plan;
    private final PrintStream out;

    public DemoCooperative(Platform platform, Clock clock, Plan plan, PrintStream out) {
        this.platform = platform;
        this.clock = clock;
        this.plan = plan;
        this.out = out;
    }

    private ApiClient membership(DemoLogins.Login login) {
        return ApiClient.anonymous(platform.membership().baseUrl()).as(login);
    }

    private ApiClient billing(DemoLogins.Login login) {
        return ApiClient.anonymous(platform.billing().baseUrl()).as(login);
    }

    public Outcome seed() {
        var today = LocalDate.now(clock);
        var catalog = ok(membership(DemoLogins.BOARD).get("/api/catalog"), "the catalog");
        var from = historyStart(today, catalog);
        var to = today.withDayOfMonth(1).minusDays(1);
        var existing = membersByName();
        var noticeGiver = existing.get(plan.givesNotice().name());
        if (noticeGiver != null
                && !noticeGiver.path("leavingOn").isNull()
                && !noticeGiver.path("leavingOn").isMissingNode()) {
            out.println("Demo cooperative: found (" + plan.givesNotice().name() + " gave notice), nothing to seed.");
            return new Outcome(true, from, to, numbers(existing), 0, 0, 0, 0, 0);
        }
        out.println(
                "Demo cooperative: seeding " + plan.members().size() + " members, usage " + from + ".." + to + " …");
        var membershipOnItsFirstDay = admit(from, existing);
        var members = numbers(membersByName());
        var joined = new HashMap<String, LocalDate>();
        membersByName()
                .forEach((name, entry) ->
                        joined.put(name, LocalDate.parse(entry.path("joinedOn").asText())));

        // the months before last are invoiced on the first of last month (billing's clock moved there, restarted
        // while membership is), so their invoices fell due weeks ago and an unpaid one is overdue; last month's are
        // invoiced today, with the real clock
        var finance = billing(DemoLogins.FINANCE);
        var ours = Set.copyOf(members.values());
        var invoiced = invoiced(finance, ours);
        var earlierIssueDay = YearMonth.from(today).minusMonths(1).atDay(1);
        var earlierMonths = to.isBefore(from)
                ? List.<YearMonth>of()
                : uninvoiced(from, earlierIssueDay.minusDays(1), ours, invoiced);
        var backdated = !earlierMonths.isEmpty();
        var billingRestarted = CompletableFuture.<Void>completedFuture(null);
        if (backdated) {
            out.println("  restarting billing with its clock on " + earlierIssueDay + " to invoice "
                    + earlierMonths.get(0) + ".." + earlierMonths.get(earlierMonths.size() - 1));
            billingRestarted =
                    platform.restartBilling(Map.of("allmende.clock.fixed", nineInTheMorning(earlierIssueDay)));
        }
        if (membershipOnItsFirstDay) {
            out.println("  restarting membership with the real clock");
            platform.restartMembership(Map.of());
        }
        billingRestarted.join();
        var billingToday = backdated ? earlierIssueDay : today;

        int mandates;
        int usage;
        int issued = 0;
        try {
            subscribe(catalog, members, joined);
            payShares(members, joined);
            publishTariffs(catalog, from);
            awaitBillingKnowsSubscriptions(members, from, catalog.size());
            mandates = recordMandates(members, joined, billingToday);
            var expected = new LinkedHashMap<Long, Map<String, BigDecimal>>();
            usage = reportUsage(members, from, to, expected);
            awaitUsageCounted(expected, from, to);
            issued += invoice(earlierMonths, ours);
        } finally {
            // never leave billing on a past day, also when a step failed: the platform keeps running
            if (backdated) {
                out.println("  restarting billing with the real clock");
                platform.restartBilling(Map.of()).join();
            }
        }
        issued += invoice(uninvoiced(latest(from, earlierIssueDay), to, ours, invoiced), ours);
        awaitInvoicesListed(finance, ours, from, to);
        int paid = pay(members, today);
        int calls = callCapital(members);
        paid += payCapitalCalls(members, today);
        submitPendingApplication();
        giveNotice(members.get(plan.givesNotice().name()));
        out.println("Demo cooperative: seeded — " + members.size() + " members, " + usage + " usage records, " + issued
                + " invoices issued, " + paid + " payments, " + mandates + " direct debit mandates, " + calls
                + " capital calls.");
        return new Outcome(false, from, to, members, usage, issued, paid, mandates, calls);
    }

    private static String nineInTheMorning(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(BERLIN).toInstant().toString();
    }

    /** The first of the month {@code months} back, but not before every service of the catalog is offered. */
    private LocalDate historyStart(LocalDate today, JsonNode catalog) {
        var start = plan.historyStart(today);
        for (var service : catalog) {
            var offered = LocalDate.parse(service.path("offeredFrom").asText());
            if (offered.isAfter(start)) {
                start = offered.getDayOfMonth() == 1
                        ? offered
                        : YearMonth.from(offered).plusMonths(1).atDay(1);
            }
        }
        return start.isAfter(today) ? today : start;
    }

    private Map<String, JsonNode> membersByName() {
        var members = new LinkedHashMap<String, JsonNode>();
        for (var member : ok(membership(DemoLogins.BOARD).get("/api/members"), "the register")) {
            members.put(member.path("name").asText(), member);
        }
        return members;
    }

    private Map<String, Long> numbers(Map<String, JsonNode> register) {
        var numbers = new LinkedHashMap<String, Long>();
        for (var body : plan.members()) {
            var entry = register.get(body.name());
            if (entry != null) {
                numbers.put(body.name(), entry.path("memberNumber").asLong());
            }
        }
        return numbers;
    }

    // ---- membership: admission, subscriptions, capital -------------------------------------------------------

    /** Admits the members not in the register yet, on the history's first day (membership's clock fixed there). */
    /**
     * Admits the members not in the register yet, on the history's first day. True if membership was restarted with
     * its clock there for it: the caller restarts it with the real clock (together with billing's restart); on a
     * failure it is restarted here.
     */
    private boolean admit(LocalDate on, Map<String, JsonNode> existing) {
        var missing = plan.members().stream()
                .filter(body -> !existing.containsKey(body.name()))
                .toList();
        if (missing.isEmpty()) {
            return false;
        }
        var backdated = on.isBefore(LocalDate.now(clock));
        if (backdated) {
            out.println("  restarting membership with its clock on " + on + " to admit " + missing.size() + " members");
            platform.restartMembership(Map.of("allmende.clock.fixed", nineInTheMorning(on)));
        }
        try {
            var statutes =
                    ok(ApiClient.anonymous(platform.membership().baseUrl()).get("/api/statutes"), "statutes");
            for (var body : missing) {
                var id = submit(body, statutes.path("version").asText());
                vote(DemoLogins.BOARD, id);
                var decided = vote(DemoLogins.BOARD_2, id);
                if (!"APPROVED".equals(decided.path("outcome").asText())) {
                    throw new IllegalStateException("the board did not admit " + body.name() + ": " + decided);
                }
            }
            await("the register lists the admitted members")
                    .atMost(PATIENCE)
                    .until(() -> membersByName().keySet().containsAll(names(missing)));
        } catch (RuntimeException e) {
            if (backdated) {
                platform.restartMembership(Map.of());
            }
            throw e;
        }
        return backdated;
    }

    private static Set<String> names(List<DemoMunicipality> bodies) {
        return bodies.stream().map(DemoMunicipality::name).collect(Collectors.toSet());
    }

    private String submit(DemoMunicipality body, String statutesVersion) {
        var form = new LinkedHashMap<String, Object>();
        form.put("applicantName", body.name());
        form.put("bodyKind", body.bodyKind());
        form.put("ags", body.ags());
        form.put(
                "address",
                Map.of("street", body.street(), "postalCode", body.postalCode(), "city", body.city(), "country", "DE"));
        if (body.inhabitants() != null) {
            form.put("inhabitants", body.inhabitants());
        }
        form.put("staffCount", body.staff());
        form.put("leitwegId", body.leitwegId());
        form.put(
                "contactPersons",
                List.of(Map.of("name", body.contactName(), "role", "IT-Koordination", "email", body.contactEmail())));
        form.put("requestedShares", body.shares());
        form.put("statutesVersion", statutesVersion);
        form.put("paymentObligationAcknowledged", true);
        var submitted = ApiClient.anonymous(platform.membership().baseUrl()).post("/api/applications", form);
        return created(submitted, "the application of " + body.name())
                .path("applicationId")
                .asText();
    }

    private JsonNode vote(DemoLogins.Login boardMember, String applicationId) {
        return ok(
                membership(boardMember)
                        .post(
                                "/api/applications/" + applicationId + "/votes",
                                Map.of("vote", "APPROVE", "comment", "Demo: Aufnahme befürwortet")),
                "the vote of " + boardMember.username());
    }

    /** The service's quantity for a body: seats for tablets, printers for the print service, a storage quota. */
    static int quantity(DemoMunicipality body, String serviceCode) {
        return switch (serviceCode) {
            case "RIS-TABLET" -> body.councilSeats();
            case "PRINT-PAGES", "PRINT-CARTRIDGE" -> body.printers();
            case "DC-HOSTING" -> (int) Math.ceil(body.storageGb() * 1.5 / 100) * 100;
            default -> 1;
        };
    }

    private void subscribe(JsonNode catalog, Map<String, Long> members, Map<String, LocalDate> joined) {
        var board = membership(DemoLogins.BOARD);
        for (var body : plan.members()) {
            long number = members.get(body.name());
            var subscribed = new TreeSet<String>();
            ok(board.get("/api/members/" + number + "/subscriptions"), "subscriptions")
                    .path("subscriptions")
                    .forEach(s -> subscribed.add(s.path("serviceCode").asText()));
            for (var service : catalog) {
                var code = service.path("code").asText();
                if (subscribed.contains(code)) {
                    continue;
                }
                created(
                        board.post(
                                "/api/members/" + number + "/subscriptions",
                                Map.of(
                                        "serviceCode",
                                        code,
                                        "quantity",
                                        quantity(body, code),
                                        "effectiveFrom",
                                        joined.get(body.name()).toString())),
                        "the subscription of " + body.name() + " to " + code);
            }
        }
    }

    /** A part of the capital paid in two weeks after admission, where nothing is paid in yet. */
    private void payShares(Map<String, Long> members, Map<String, LocalDate> joined) {
        var nominal = ok(ApiClient.anonymous(platform.membership().baseUrl()).get("/api/statutes"), "statutes")
                .path("shareNominalValue")
                .decimalValue();
        var register = membersByName();
        for (var body : plan.members()) {
            var entry = register.get(body.name());
            if (entry.path("paidInCapital").decimalValue().signum() > 0
                    || body.paidShareFraction().signum() == 0) {
                continue;
            }
            var amount = nominal.multiply(BigDecimal.valueOf(body.shares()))
                    .multiply(body.paidShareFraction())
                    .setScale(2, RoundingMode.HALF_UP);
            var paidOn = earliest(joined.get(body.name()).plusDays(14), LocalDate.now(clock));
            var paid = membership(DemoLogins.FINANCE)
                    .post(
                            "/api/members/" + members.get(body.name()) + "/capital-payments",
                            Map.of(
                                    "amount",
                                    amount.toPlainString(),
                                    "paidOn",
                                    paidOn.toString(),
                                    "reference",
                                    "Einzahlung Geschäftsanteile " + body.name()));
            expect(paid, 204, "the capital payment of " + body.name());
        }
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- billing: tariffs, usage, invoices, payments ----------------------------------------------------------

    /**
     * A price for every service of the catalog, and the membership fee, from the history's first day, where there is
     * none yet.
     */
    private void publishTariffs(JsonNode catalog, LocalDate from) {
        var finance = billing(DemoLogins.FINANCE);
        await("billing knows the catalog")
                .atMost(PATIENCE)
                .until(() -> ok(finance.get("/api/catalog?on=" + from), "billing's catalog")
                                .findValuesAsText("code")
                                .size()
                        >= catalog.size());
        var models = new LinkedHashMap<String, Map<String, Object>>();
        for (var service : catalog) {
            var code = service.path("code").asText();
            var model = DemoTariffs.model(code);
            if (model == null) {
                throw new IllegalStateException("the demo has no price for the catalog's service " + code);
            }
            models.put(code, model);
        }
        models.put(MEMBERSHIP_FEE, DemoTariffs.membershipFee());
        models.forEach((code, model) -> {
            if (!ok(finance.get("/api/tariffs?serviceCode=" + code), "tariffs").isEmpty()) {
                return;
            }
            var plan = new LinkedHashMap<String, Object>();
            plan.put("serviceCode", code);
            plan.put("effectiveFrom", from.toString());
            plan.put("costSharingEligible", DemoTariffs.costSharingEligible(code));
            plan.put("model", model);
            created(finance.post("/api/tariffs", plan), "the tariff of " + code);
        });
    }

    /**
     * A SEPA direct debit mandate, signed a week after admission, for every body that pays by direct debit and has
     * none yet; the others pay by transfer.
     */
    private int recordMandates(Map<String, Long> members, Map<String, LocalDate> joined, LocalDate today) {
        var finance = billing(DemoLogins.FINANCE);
        int recorded = 0;
        for (var body : plan.members()) {
            long number = members.get(body.name());
            if (!body.directDebit()
                    || !ok(finance.get("/api/members/" + number + "/mandates"), "mandates")
                            .isEmpty()) {
                continue;
            }
            var mandate = new LinkedHashMap<String, Object>();
            mandate.put("reference", body.mandateReference());
            mandate.put(
                    "signedOn",
                    earliest(joined.get(body.name()).plusDays(7), today).toString());
            mandate.put("debtorName", body.name());
            mandate.put("iban", body.iban());
            created(finance.post("/api/members/" + number + "/mandates", mandate), "the mandate of " + body.name());
            recorded++;
        }
        return recorded;
    }

    /** Posts the usage of the days {@code from}..{@code to}; {@code expected} gets each member's totals. */
    private int reportUsage(
            Map<String, Long> members, LocalDate from, LocalDate to, Map<Long, Map<String, BigDecimal>> expected) {
        if (to.isBefore(from)) {
            return 0;
        }
        var meter = membership(DemoLogins.METER);
        int accepted = 0;
        var pending = new ArrayList<Map<String, Object>>();
        for (var body : plan.members()) {
            long number = members.get(body.name());
            for (var usage : DemoUsage.of(body, from, to)) {
                expected.computeIfAbsent(number, n -> new HashMap<>())
                        .merge(usage.serviceCode(), usage.quantity(), BigDecimal::add);
                var json = new LinkedHashMap<String, Object>();
                json.put("sendingSystem", usage.sendingSystem());
                json.put("recordId", usage.recordId());
                json.put("memberNumber", number);
                json.put("serviceCode", usage.serviceCode());
                json.put("quantity", usage.quantity().toPlainString());
                json.put("unit", usage.unit());
                json.put("usedFrom", usage.usedFrom().toString());
                json.put("usedTo", usage.usedTo().toString());
                pending.add(json);
            }
        }
        for (int i = 0; i < pending.size(); i += BATCH) {
            var batch = Map.of("records", pending.subList(i, Math.min(pending.size(), i + BATCH)));
            var answer = new ApiClient.Response[1];
            // a 503 (not stored, or membership's view catching up) is sent again: accepted records count once
            await("the usage batch is taken")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> (answer[0] = meter.post("/api/usage/batches", batch)).status() != 503);
            var json = ok(answer[0], "a usage batch");
            if (json.path("rejected").asInt() > 0) {
                var rejected = new ArrayList<String>();
                json.path("records").forEach(r -> {
                    if ("REJECTED".equals(r.path("status").asText()) && rejected.size() < 5) {
                        rejected.add(r.path("recordId").asText() + " "
                                + r.path("rule").asText());
                    }
                });
                throw new IllegalStateException("usage rejected: " + rejected);
            }
            accepted += json.path("accepted").asInt();
        }
        expected.values().forEach(totals -> totals.replaceAll((code, quantity) -> quantity.stripTrailingZeros()));
        return accepted;
    }

    /** Billing has counted every member's usage: an invoice run drafted before would miss some. */
    private void awaitUsageCounted(Map<Long, Map<String, BigDecimal>> expected, LocalDate from, LocalDate to) {
        var finance = billing(DemoLogins.FINANCE);
        expected.forEach((number, totals) -> await("billing counted the usage of member " + number)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> totals.equals(usageTotals(finance, number, from, to))));
    }

    private void awaitBillingKnowsSubscriptions(Map<String, Long> members, LocalDate on, int services) {
        var finance = billing(DemoLogins.FINANCE);
        for (var number : members.values()) {
            await("billing knows the subscriptions of member " + number)
                    .atMost(PATIENCE)
                    .until(() -> finance.get("/api/members/" + number + "/subscriptions?on=" + on)
                                    .json()
                                    .path("subscriptions")
                                    .size()
                            >= services);
        }
    }

    private static Map<String, BigDecimal> usageTotals(ApiClient finance, long number, LocalDate from, LocalDate to) {
        var totals = new HashMap<String, BigDecimal>();
        for (var day : ok(finance.get("/api/members/" + number + "/usage?from=" + from + "&to=" + to), "usage")) {
            totals.merge(day.path("serviceCode").asText(), day.path("quantity").decimalValue(), BigDecimal::add);
        }
        // compared by value: 120.0 and 120 are the same pages
        totals.replaceAll((code, quantity) -> quantity.stripTrailingZeros());
        return totals;
    }

    /** The whole months of {@code from}..{@code to} in which a demo member has no invoice yet. */
    private static List<YearMonth> uninvoiced(LocalDate from, LocalDate to, Set<Long> ours, Set<String> invoiced) {
        var months = new ArrayList<YearMonth>();
        for (var month = YearMonth.from(from); !month.atEndOfMonth().isAfter(to); month = month.plusMonths(1)) {
            var first = month.atDay(1);
            if (!ours.stream().allMatch(member -> invoiced.contains(member + " " + first))) {
                months.add(month);
            }
        }
        return months;
    }

    /** A run per month, issued at once (a second run of a period would only be superseded, ADR 0019). */
    private int invoice(List<YearMonth> months, Set<Long> ours) {
        var finance = billing(DemoLogins.FINANCE);
        int issued = 0;
        for (var month : months) {
            var run = created(finance.post("/api/invoice-runs", Map.of("period", month.toString())), "run " + month);
            for (var skipped : run.path("skipped")) {
                if (ours.contains(skipped.path("memberNumber").asLong())) {
                    throw new IllegalStateException("the run of " + month + " skipped a demo member: " + skipped);
                }
            }
            var outcome = ok(
                    finance.post("/api/invoice-runs/" + run.path("runId").asText() + "/issue", (String) null),
                    "issuing the run of " + month);
            if (outcome.path("failed").asInt() > 0) {
                throw new IllegalStateException("issuing the run of " + month + " failed: " + outcome);
            }
            issued += outcome.path("issued").asInt();
        }
        return issued;
    }

    /** The documents' read side follows the issue a moment later (ADR 0023): pay only what it lists completely. */
    private static void awaitInvoicesListed(ApiClient finance, Set<Long> ours, LocalDate from, LocalDate to) {
        var months = 0;
        for (var month = YearMonth.from(from); !month.atEndOfMonth().isAfter(to); month = month.plusMonths(1)) {
            months++;
        }
        var expected = months * ours.size();
        await("billing lists every demo invoice")
                .atMost(PATIENCE)
                .until(() -> invoiced(finance, ours).size() == expected);
    }

    /** The demo members' invoices billing's documents list, as "member periodFrom". */
    private static Set<String> invoiced(ApiClient finance, Set<Long> ours) {
        var listed = new HashSet<String>();
        for (var document : ok(finance.get("/api/documents?type=INVOICE"), "documents")) {
            var member = document.path("memberNumber").asLong();
            if (ours.contains(member)) {
                listed.add(member + " " + document.path("periodFrom").asText());
            }
        }
        return listed;
    }

    /**
     * Pays the demo invoices as the bank would credit them: a direct debit on its due date, a transfer ten days after
     * the invoice; each with a bank reference of its own, so a second seed books nothing twice. Left open: last
     * month's invoices (issued today: the direct debits wait for a pain.008 file, the transfers for the members) and
     * the overdue member's invoice of the month before.
     */
    private int pay(Map<String, Long> members, LocalDate today) {
        var finance = billing(DemoLogins.FINANCE);
        var documents = ok(finance.get("/api/documents?type=INVOICE"), "documents");
        var lastPeriod = YearMonth.from(today).minusMonths(1).atDay(1).toString();
        var overduePeriod = YearMonth.from(today).minusMonths(2).atDay(1).toString();
        var bodies = new HashMap<Long, DemoMunicipality>();
        plan.members().forEach(body -> bodies.put(members.get(body.name()), body));
        int paid = 0;
        for (var document : documents) {
            long member = document.path("memberNumber").asLong();
            var body = bodies.get(member);
            var period = document.path("periodFrom").asText();
            if (body == null
                    || period.equals(lastPeriod)
                    || (body.equals(plan.overdue()) && period.equals(overduePeriod))) {
                continue;
            }
            var number = document.path("number").asText();
            var bookedOn = body.directDebit()
                    ? LocalDate.parse(document.path("dueOn").asText())
                    : LocalDate.parse(document.path("issuedOn").asText()).plusDays(10);
            var payment = new LinkedHashMap<String, Object>();
            payment.put("memberNumber", member);
            payment.put("amount", document.path("grossTotal").decimalValue().toPlainString());
            payment.put("bookedOn", earliest(bookedOn, today).toString());
            payment.put(
                    "referenceText",
                    body.directDebit()
                            ? "SEPA-Lastschrift " + body.mandateReference() + " " + number
                            : number + " " + body.name());
            payment.put("debtorName", body.name());
            payment.put("debtorIban", body.iban());
            payment.put("bankReference", "DEMO-" + number);
            paid += booked(finance.post("/api/payments", payment), number);
        }
        return paid;
    }

    private static int booked(ApiClient.Response answer, String number) {
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("the payment of " + number + ": " + answer);
        }
        return answer.status() == 201 ? 1 : 0;
    }

    /**
     * Finance calls the capital not paid in on admission (all of it, due in the statutes' term), once billing has
     * every demo member's paid-in capital; a second run calls nothing twice.
     */
    private int callCapital(Map<String, Long> members) {
        var finance = billing(DemoLogins.FINANCE);
        var register = membersByName();
        for (var body : plan.members()) {
            var paidIn = register.get(body.name()).path("paidInCapital").decimalValue();
            await("billing knows the paid-in capital of " + body.name())
                    .atMost(PATIENCE)
                    .until(() -> ok(finance.get("/api/members/" + members.get(body.name())), "member")
                                    .path("paidInCapital")
                                    .decimalValue()
                                    .compareTo(paidIn)
                            == 0);
        }
        var run = created(finance.post("/api/capital-calls", Map.of("portion", "FULL")), "the capital call");
        // the documents' read side follows a moment later: pay only once every demo member's call is listed
        var called = plan.members().stream()
                .filter(body -> body.paidShareFraction().compareTo(BigDecimal.ONE) < 0)
                .map(body -> members.get(body.name()))
                .collect(Collectors.toSet());
        await("billing lists the demo members' capital calls")
                .atMost(PATIENCE)
                .until(
                        () -> ok(finance.get("/api/documents?type=CAPITAL_CALL"), "capital calls")
                                .findValues("memberNumber")
                                .stream()
                                .map(JsonNode::asLong)
                                .collect(Collectors.toSet())
                                .containsAll(called));
        return run.path("calls").size();
    }

    /** Pays every demo member's capital call but one member's, which stays open. */
    private int payCapitalCalls(Map<String, Long> members, LocalDate today) {
        var finance = billing(DemoLogins.FINANCE);
        var bodies = new HashMap<Long, DemoMunicipality>();
        plan.members().forEach(body -> bodies.put(members.get(body.name()), body));
        var open = members.get(plan.capitalCallOpen().name());
        int paid = 0;
        for (var call : ok(finance.get("/api/documents?type=CAPITAL_CALL"), "capital calls")) {
            long member = call.path("memberNumber").asLong();
            var body = bodies.get(member);
            if (body == null || member == open) {
                continue;
            }
            var number = call.path("number").asText();
            var payment = new LinkedHashMap<String, Object>();
            payment.put("memberNumber", member);
            payment.put("amount", call.path("grossTotal").decimalValue().toPlainString());
            payment.put("bookedOn", today.toString());
            payment.put("referenceText", number + " Einzahlung Geschäftsanteile " + body.name());
            payment.put("debtorName", body.name());
            payment.put("debtorIban", body.iban());
            payment.put("bankReference", "DEMO-" + number);
            paid += booked(finance.post("/api/payments", payment), number);
        }
        return paid;
    }

    // ---- the application waiting for the board, and the notice -------------------------------------------------

    private void submitPendingApplication() {
        var body = plan.pending();
        var applications = ok(membership(DemoLogins.BOARD).get("/api/applications"), "applications");
        if (applications.findValuesAsText("applicantName").contains(body.name())) {
            return;
        }
        var statutes = ok(ApiClient.anonymous(platform.membership().baseUrl()).get("/api/statutes"), "statutes");
        var id = submit(body, statutes.path("version").asText());
        vote(DemoLogins.BOARD, id);
    }

    private void giveNotice(long memberNumber) {
        ok(
                membership(DemoLogins.BOARD).post("/api/members/" + memberNumber + "/notice", Map.of()),
                "the notice of member " + memberNumber);
    }

    // ---- answers ------------------------------------------------------------------------------------------------

    private static JsonNode ok(ApiClient.Response response, String what) {
        return expect(response, 200, what);
    }

    private static JsonNode created(ApiClient.Response response, String what) {
        return expect(response, 201, what);
    }

    private static JsonNode expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response);
        }
        return response.json();
    }
}
