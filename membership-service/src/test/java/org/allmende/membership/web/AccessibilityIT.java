package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.allmende.devinfra.Browser;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageAudit;
import org.allmende.membership.Admissions;
import org.allmende.membership.ApplicationForms;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;

/**
 * Every page of membership, in German and English, on a desktop and a phone, audited with axe-core against WCAG
 * 2.1 AA (ADR 0031) — with their forms' error states and the board's decision forms open — and the application
 * form completed with the keyboard alone.
 */
class AccessibilityIT {

    private static RunningMembershipService service;
    private static Admissions.Admitted forst;
    private static String pendingApplication;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start();
        forst = Admissions.admit(service, "Gemeinde Forst");
        Admissions.admit(service, "Gemeinde Heide");
        // an open request for additional shares, so the member's page shows its decision form
        var today = LocalDate.now(service.bean(Clock.class));
        service.api(DemoLogins.FINANCE)
                .post(
                        "/api/members/" + forst.number() + "/capital-payments",
                        Map.of("amount", "6000.00", "paidOn", today.toString(), "reference", "Anteile Forst"));
        var requested = service.api(DemoLogins.BOARD)
                .post("/api/members/" + forst.number() + "/share-requests", Map.of("shares", 2));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        // an application with one vote: the other board member still decides
        pendingApplication = service.api()
                .post("/api/applications", ApplicationForms.municipality("Gemeinde Lindenhof"))
                .json()
                .get("applicationId")
                .asText();
        service.api(DemoLogins.BOARD_2)
                .post("/api/applications/" + pendingApplication + "/votes", Map.of("vote", "APPROVE"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void theApplicantsPagesMeetWcag21AA(String language) {
        var audit = new PageAudit();
        try (var applicant = Browser.open(service.baseUrl(), language)) {
            audit.check(applicant.get("/"));
            audit.check(applicant.get("/apply"));
            applicant.click("#submit-application").element("#form-errors");
            audit.check(applicant);
            AdmissionPagesIT.fillIn(applicant, "Gemeinde Prüfstadt " + language);
            applicant.click("#submit-application").awaitPath("/apply/received");
            audit.check(applicant);
            audit.check(applicant.get("/login"));
            applicant.type("username", "nobody").type("password", "wrong").click("#login-submit");
            applicant.awaitPath("/login?error");
            audit.check(applicant);
        }
        audit.assertNoViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void aMembersOwnRegisterExtractMeetsWcag21AA(String language) {
        var audit = new PageAudit();
        try (var member = Browser.open(service.baseUrl(), language)) {
            member.get("/me/register-extract").awaitPath("/login");
            member.logIn(DemoLogins.MEMBER_1);
            await().atMost(Duration.ofSeconds(20)).until(() -> member.path().startsWith("/me/register-extract"));
            member.reloadUntil("#member-number", String.valueOf(forst.number()));
            audit.check(member);
            audit.check(member.get("/me/register-extract/print"));
        }
        audit.assertNoViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void theBoardsPagesAndDecisionFormsMeetWcag21AA(String language) {
        var audit = new PageAudit();
        try (var board = Browser.open(service.baseUrl(), language)) {
            board.get("/board/applications").awaitPath("/login");
            board.logIn(DemoLogins.BOARD);
            await().atMost(Duration.ofSeconds(20)).until(() -> board.path().startsWith("/board/applications"));
            board.reloadUntil("#pending-applications", "Gemeinde Lindenhof");
            audit.check(board);
            board.get("/board/applications/" + pendingApplication).element("#vote-form");
            audit.check(board);
            audit.check(board.get("/board/members"));
            board.get("/board/members?asOf=31.02.2026").element("[aria-invalid='true']");
            audit.check(board);
            var member = "/board/members/" + forst.number();
            board.get(member).reloadUntil("#decisions", "2");
            board.element(".approve-shares");
            audit.check(board);
            board.type("transfer-to", "abc").type("transfer-shares", "0").click("#transfer");
            board.element("#transfer-to-error");
            audit.check(board);
            audit.check(board.get(member + "/register-extract"));
            audit.check(board.get("/board/members/999999"));
            board.get("/board/no-such-page");
            assertThat(board.htmlLanguage())
                    .as("the error page, not the API's problem")
                    .isEqualTo(language);
            audit.check(board);
        }
        audit.assertNoViolations();
    }

    @Test
    void anApplicantCompletesTheFormWithTheKeyboardAloneAndAlwaysSeesWhereTheFocusIs() {
        try (var applicant = Browser.open(service.baseUrl(), "en")) {
            applicant.get("/apply").element("#application-form");

            applicant.press(Keys.TAB);
            assertThat(applicant.focusedId()).as("the skip link comes first").isEqualTo("skip-link");
            assertThat(applicant.element("#skip-link").isDisplayed()).isTrue();
            assertThat(applicant.focusIndicator()).startsWith("solid 3px");
            applicant.press(Keys.ENTER);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> applicant.focusedId().equals("main"));

            var answers = Map.ofEntries(
                    Map.entry("applicantName", "Gemeinde Tastenau"),
                    Map.entry("ags", "06611000"),
                    Map.entry("inhabitants", "9000"),
                    Map.entry("staffCount", "120"),
                    Map.entry("street", "Am Markt 3"),
                    Map.entry("postalCode", "34117"),
                    Map.entry("city", "Tastenau"),
                    Map.entry("leitwegId", "991-33333TEST-33"),
                    Map.entry("contactName", "Kai Tastatur"),
                    Map.entry("contactEmail", "kai@example.org"),
                    Map.entry("requestedShares", "12"));
            for (var field : List.of(
                    "applicantName",
                    "ags",
                    "inhabitants",
                    "staffCount",
                    "street",
                    "postalCode",
                    "city",
                    "leitwegId",
                    "contactName",
                    "contactEmail",
                    "requestedShares")) {
                applicant.tabTo(field, 12);
                assertThat(applicant.focusIndicator()).as(field).startsWith("solid 3px");
                applicant.press(answers.get(field));
            }
            for (var box : List.of("statutesAcknowledged1", "paymentObligationAcknowledged1")) {
                applicant.tabTo(box, 12).press(Keys.SPACE);
                assertThat(applicant.focusIndicator()).as(box).startsWith("solid 3px");
                assertThat(applicant.element("#" + box).isSelected()).as(box).isTrue();
            }
            applicant.tabTo("submit-application", 5);
            assertThat(applicant.focusIndicator()).startsWith("solid 3px");
            applicant.screenshot("application-form-keyboard-focus");
            applicant.press(Keys.ENTER).awaitPath("/apply/received");

            assertThat(applicant.text("#received")).contains("Gemeinde Tastenau");
        }
    }
}
