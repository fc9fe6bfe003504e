package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allmende.devinfra.Browser;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.allmende.membership.Admissions;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The board's member register as pages, through HTTP as a browser sends it: the list with its filters and as-of
 * date, a member's page with history and the register extract, and each decision as a form with CSRF — field
 * errors in the page's language, refusals as messages, never an error page.
 */
class RegisterPagesIT {

    private static RunningMembershipService service;
    private static Admissions.Admitted forst;
    private static Admissions.Admitted heide;
    private static Admissions.Admitted moor;
    private static Admissions.Admitted ried;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start();
        forst = Admissions.admit(service, "Gemeinde Forst");
        heide = Admissions.admit(service, "Gemeinde Heide");
        moor = Admissions.admit(service, "Gemeinde Moor");
        ried = Admissions.admit(service, "Gemeinde Ried");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static LocalDate today() {
        return LocalDate.now(service.bean(Clock.class));
    }

    private static PageSession board() {
        var board = new PageSession(service.baseUrl());
        board.logIn(DemoLogins.BOARD);
        return board;
    }

    private static HttpResponse<String> post(
            PageSession session, String page, String action, Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        fields.put("_csrf", PageSession.csrfToken(session.get(page)));
        return session.post(action, fields, Map.of());
    }

    @Test
    void theRegisterListsTheMembersAndFiltersThemByNameStatusKindAndDate() {
        var board = board();
        var all = board.get("/board/members?lang=en");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("Member register", "Gemeinde Forst", "Gemeinde Heide", "Gemeinde Moor");

        var byName = board.get("/board/members?name=heide");
        assertThat(byName.body()).contains("Gemeinde Heide").doesNotContain("Gemeinde Forst");
        var municipalities = board.get("/board/members?kind=MUNICIPALITY&status=ACTIVE");
        assertThat(municipalities.body()).contains("Gemeinde Forst");
        assertThat(board.get("/board/members?kind=DISTRICT").body()).contains("No member matches.");

        var yesterday = today().minusDays(2);
        var before = board.get("/board/members?asOf=" + yesterday);
        assertThat(before.body()).contains("No member matches.").doesNotContain("Gemeinde Forst");
        var today = board.get("/board/members?asOf=" + today().plusDays(1));
        assertThat(today.body()).contains("Gemeinde Forst", "The register as it stood on");

        var badDate = board.get("/board/members?asOf=31.02.2026&lang=de");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("Bitte ein Datum angeben (JJJJ-MM-TT).", "aria-invalid=\"true\"");
    }

    @Test
    void aMembersPageShowsItsEntryChangesHistoryAndLinksThePrintableExtract() {
        var board = board();
        var page = board.get("/board/members/" + forst.number() + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Gemeinde Forst", "Entry in the register", "Changes in the register", "History")
                .contains("MemberAdmitted")
                .contains("/board/members/" + forst.number() + "/register-extract");
        var extract = board.get("/board/members/" + forst.number() + "/register-extract");
        assertThat(extract.statusCode()).isEqualTo(200);
        assertThat(extract.body()).contains("Auszug aus der Mitgliederliste (§ 31 GenG)", "Gemeinde Forst");
        assertThat(extract.body()).doesNotContain("<style");
        assertThat(board.get("/membership/register-extract.css").statusCode()).isEqualTo(200);

        assertThat(board.get("/board/members/999999").statusCode()).isEqualTo(404);
        assertThat(board.get("/board/members/x").statusCode()).isEqualTo(404);
    }

    @Test
    void theBoardApprovesARequestForAdditionalSharesAndTheHistoryNamesWhoDecided() {
        var paid = service.api(DemoLogins.FINANCE)
                .post(
                        "/api/members/" + heide.number() + "/capital-payments",
                        Map.of("amount", "6000.00", "paidOn", today().toString(), "reference", "Anteile Heide"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(204);
        var api = service.api(DemoLogins.BOARD);
        var requested = api.post("/api/members/" + heide.number() + "/share-requests", Map.of("shares", 2));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        var board = board();
        var page = "/board/members/" + heide.number();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.get(page).body().contains("approve-shares"));
        var requestId = requested.json().get("requestId").asText();
        var sharesBefore =
                api.get("/api/members/" + heide.number()).json().get("shares").asInt();

        var approved = post(board, page, page + "/share-decisions", Map.of("requestId", requestId, "approve", "true"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(board.get(page + "?lang=en").body()).contains("The additional shares are approved.");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/members/" + heide.number())
                                .json()
                                .get("shares")
                                .asInt()
                        == sharesBefore + 2);
        assertThat(board.get(page).body()).contains("vorstand", "BOARD");

        var forged = post(board, page, page + "/share-decisions", Map.of("requestId", "not-an-id", "approve", "x"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("id=\"share-decision-errors\"", "This is not a valid value.");

        var again = post(board, page, page + "/share-decisions", Map.of("requestId", requestId, "approve", "false"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("This request is not open (any more).");
    }

    @Test
    void aTransferWithBrokenFieldsShowsEachErrorAtItsFieldInThePagesLanguage() {
        var board = board();
        var page = "/board/members/" + forst.number();
        board.get(page + "?lang=de");
        var broken = post(
                board,
                page,
                page + "/transfers",
                Map.of("toMemberNumber", "abc", "shares", "-1", "agreedOn", "2099-01-01"));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body())
                .contains("id=\"transfer-to-error\"", "Bitte eine ganze Zahl angeben.")
                .contains("id=\"transfer-shares-error\"", "Bitte eine Zahl größer als 0 angeben.")
                .contains("id=\"transfer-agreedOn-error\"", "Dieses Datum darf nicht in der Zukunft liegen.");

        board.get(page + "?lang=en");
        var unknown = post(board, page, page + "/transfers", Map.of("toMemberNumber", "999999", "shares", "1"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no member with this number.");
        var missing = post(board, page, page + "/exclusion", Map.of("reason", "  "));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"exclusion-reason-error\"", "Please fill this in.");
    }

    @Test
    void aDecisionTheRulesForbidIsShownAsAMessage() {
        var board = board();
        var page = "/board/members/" + forst.number();
        board.get(page + "?lang=en");
        var toItself = post(
                board,
                page,
                page + "/transfers",
                Map.of("toMemberNumber", String.valueOf(forst.number()), "shares", "1"));
        assertThat(toItself.statusCode()).isEqualTo(409);
        assertThat(toItself.body()).contains("id=\"refusal\"", "A member cannot transfer capital to itself.");

        board.get(page + "?lang=de");
        var unpaid = post(
                board,
                page,
                page + "/transfers",
                Map.of("toMemberNumber", String.valueOf(heide.number()), "shares", "1"));
        assertThat(unpaid.statusCode()).isEqualTo(409);
        assertThat(unpaid.body()).contains("So viel Geschäftsguthaben hat das Mitglied nicht eingezahlt.");
        var intoItself =
                post(board, page, page + "/merger", Map.of("successorMemberNumber", String.valueOf(forst.number())));
        assertThat(intoItself.statusCode()).isEqualTo(409);
        assertThat(intoItself.body()).contains("Ein Mitglied kann nicht auf sich selbst verschmolzen werden.");
    }

    @Test
    void theBoardRecordsANoticeAndAMergerAndTheRegisterShowsTheMembersLeaving() {
        var board = board();
        var moorPage = "/board/members/" + moor.number();
        var merged = post(
                board, moorPage, moorPage + "/merger", Map.of("successorMemberNumber", String.valueOf(ried.number())));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.get(moorPage + "?lang=en").body().contains("(merger)"));

        var forstPage = "/board/members/" + forst.number();
        var notice = post(board, forstPage, forstPage + "/notice", Map.of("shares", ""));
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.get("/board/members?status=LEAVING").body().contains("Gemeinde Forst"));
        assertThat(board.get(forstPage + "?lang=en").body()).contains("id=\"leaving\"", "(notice)");
    }

    @Test
    void aBoardMemberFindsAMemberInTheRegisterAndSeesTheBrokenFieldsInGermanInABrowser() {
        try (var board = Browser.open(service.baseUrl(), "de")) {
            board.get("/board/members").awaitPath("/login");
            board.logIn(DemoLogins.BOARD);
            await().atMost(Duration.ofSeconds(20)).until(() -> board.path().startsWith("/board/members"));
            board.type("filter-name", "Ried").click("#apply-filter");
            board.waitForText("#member-register", "Gemeinde Ried");
            assertThat(board.has("a.member-link[href$='/board/members/" + forst.number() + "']"))
                    .isFalse();
            board.click("a.member-link[href$='/board/members/" + ried.number() + "']");
            board.waitForText("#member-number", String.valueOf(ried.number()));
            assertThat(board.text("#register-extract")).contains("§ 31 GenG");
            assertThat(board.consoleErrors()).as("nothing refused by the CSP").isEmpty();

            board.type("transfer-to", "abc").type("transfer-shares", "0").click("#transfer");
            board.waitForText("#transfer-to-error", "Bitte eine ganze Zahl angeben.");
            assertThat(board.text("#transfer-shares-error")).isEqualTo("Bitte eine Zahl größer als 0 angeben.");
            assertThat(board.element("#transfer-to").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            // the page with the errors answers 400, which the console reports; nothing else may be there
            assertThat(board.consoleErrors())
                    .as("nothing refused by the CSP")
                    .allMatch(error -> error.contains("status of 400"));
            board.screenshot("register-decision-errors-de");
        }
    }

    @Test
    void decisionsNeedTheCsrfTokenAndTheBoard() {
        var board = board();
        var page = "/board/members/" + heide.number();
        var forged = board.post(page + "/exclusion", Map.of("reason", "forged"), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);

        var finance = new PageSession(service.baseUrl());
        finance.logIn(DemoLogins.FINANCE);
        for (var path : List.of("/board/members", page, page + "/register-extract")) {
            assertThat(finance.get(path).statusCode()).as(path).isEqualTo(403);
        }
        var anonymous = new PageSession(service.baseUrl());
        assertThat(anonymous.get("/board/members").statusCode()).isEqualTo(302);
    }
}
