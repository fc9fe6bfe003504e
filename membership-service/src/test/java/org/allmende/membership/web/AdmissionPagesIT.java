package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.allmende.devinfra.Browser;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.membership.RunningMembershipService;
import org.allmende.support.pages.PageLogins;
import org.allmende.support.security.OidcLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The admission journey in a real browser (headless Chromium), and the pages' security at the HTTP level: CSRF,
 * the session cookie, the headers, the language.
 */
class AdmissionPagesIT {

    static final String SESSION_COOKIE = "ALLMENDE_MEMBERSHIP_SESSION";

    private static RunningMembershipService service;

    /** An OpenID Connect provider by configuration alone: nothing is asked of it until someone logs in with it. */
    static final String IDP = "https://login.example.org/realms/kommunalit/protocol/openid-connect";

    @BeforeAll
    static void start() {
        var registration = "spring.security.oauth2.client.registration.kommunalit.";
        var provider = "spring.security.oauth2.client.provider.kommunalit.";
        service = RunningMembershipService.start(
                SharedInfrastructure.unique("membership"),
                SharedInfrastructure.unique("membership_topic"),
                Map.ofEntries(
                        Map.entry(registration + "client-id", "allmende-membership"),
                        Map.entry(registration + "client-secret", "not-a-secret"),
                        Map.entry(registration + "client-name", "KommunalIT"),
                        Map.entry(registration + "scope", "openid,profile"),
                        Map.entry(registration + "authorization-grant-type", "authorization_code"),
                        Map.entry(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}"),
                        Map.entry(provider + "authorization-uri", IDP + "/auth"),
                        Map.entry(provider + "token-uri", IDP + "/token"),
                        Map.entry(provider + "jwk-set-uri", IDP + "/certs"),
                        Map.entry(provider + "user-info-uri", IDP + "/userinfo"),
                        Map.entry(provider + "user-name-attribute", "preferred_username"),
                        // configured endpoints, no discovery: the end-session endpoint is given too (ADR 0030)
                        Map.entry("allmende.security.oidc.end-session-endpoints.kommunalit", IDP + "/logout"),
                        Map.entry("allmende.security.oidc.roles-claim", "realm_access.roles"),
                        Map.entry("allmende.security.oidc.roles[allmende-vorstand]", "BOARD"),
                        Map.entry("allmende.security.oidc.member-number-claim", "allmende_member_number")));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anApplicantAppliesInTheBrowserAndTwoBoardMembersAdmitIt() {
        String applicationId;
        try (var applicant = Browser.open(service.baseUrl(), "de")) {
            applicant.get("/apply");
            assertThat(applicant.text("#obligation")).contains("500,00 EUR").contains("Satzung, Fassung 2026-01");
            fillIn(applicant, "Gemeinde Lindenau");
            applicant.click("#submit-application").awaitPath("/apply/received");
            applicationId = applicant.text("#application-id");
            assertThat(applicant.text("#received")).contains("Gemeinde Lindenau");
            assertThat(applicant.text("#withdrawal-token")).isNotBlank();
        }

        try (var first = Browser.open(service.baseUrl(), "en")) {
            first.get("/board/applications").awaitPath("/login");
            first.logIn(DemoLogins.BOARD);
            first.reloadUntil("#pending-applications", "Gemeinde Lindenau");
            first.click("a.application-link[href$='" + applicationId + "']");
            assertThat(first.text("#requested-shares")).isEqualTo("12");
            assertThat(first.text("#votes-still-needed")).contains("2 more vote");
            assertThat(first.script("return typeof htmx"))
                    .as("htmx is loaded under the CSP")
                    .isEqualTo("object");
            first.script("window.beforeVote = true; document.getElementById('decision').dataset.before = 'vote'");
            first.click("#vote-APPROVE").type("vote-comment", "fits our region").click("#cast-vote");
            first.waitForText("#decision", "Your vote is counted.");
            assertThat(first.text("#votes-still-needed")).contains("1 more vote");
            assertThat(first.script("return window.beforeVote === true"
                            + " && document.getElementById('decision').dataset.before === undefined"))
                    .as("htmx replaced the decision panel, the page stayed")
                    .isEqualTo(true);
            assertThat(first.consoleErrors()).as("nothing refused by the CSP").isEmpty();
        }

        try (var second = Browser.open(service.baseUrl(), "en")) {
            second.get("/board/applications/" + applicationId);
            second.logIn(DemoLogins.BOARD_2);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> second.path().startsWith("/board/applications/" + applicationId));
            second.reloadUntil("#votes", "vorstand: approve — fits our region");
            second.click("#vote-APPROVE").click("#cast-vote");
            second.waitForText("#admitted", "Admitted");
            var memberNumber = Long.parseLong(second.text("#member-number"));
            assertThat(second.text("#tally")).isEqualTo("Votes: 2 approve, 0 reject, 0 abstain.");
            second.screenshot("admission-journey");

            var decided = service.api(DemoLogins.BOARD)
                    .get("/api/applications/" + applicationId)
                    .json();
            assertThat(decided.path("status").asText()).isEqualTo("APPROVED");
            assertThat(decided.path("votes").findValuesAsText("comment")).contains("fits our region");
            assertThat(memberNumber).isPositive();
        }
    }

    @Test
    void theFormNamesEachBrokenRuleAtItsFieldInGermanAndAfterTheSwitchInEnglish() {
        try (var applicant = Browser.open(service.baseUrl(), "de-DE")) {
            applicant.get("/apply");
            assertThat(applicant.htmlLanguage()).isEqualTo("de");
            applicant.type("ags", "99123456").type("postalCode", "341").click("#submit-application");
            assertThat(applicant.text("#form-errors")).contains("Bitte korrigieren");
            assertThat(applicant.text("#applicantName-error")).isEqualTo("Bitte ausfüllen.");
            assertThat(applicant.text("#ags-error")).contains("Amtlicher Gemeindeschlüssel");
            assertThat(applicant.text("#postalCode-error")).contains("5 Ziffern");
            assertThat(applicant.text("#statutesAcknowledged-error")).contains("Satzung");
            assertThat(applicant.text("#paymentObligationAcknowledged-error")).isEqualTo("Bitte bestätigen.");
            assertThat(applicant.element("#applicantName").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            applicant.screenshot("application-form-errors-de");

            applicant.click("#lang-en").awaitPath("/apply?lang=en");
            assertThat(applicant.htmlLanguage()).isEqualTo("en");
            assertThat(applicant.text("h1")).isEqualTo("Application for membership");
            assertThat(applicant.cookie("ALLMENDE_LANG").getValue()).isEqualTo("en");
            applicant.type("requestedShares", "2").click("#submit-application");
            assertThat(applicant.text("#applicantName-error")).isEqualTo("Please fill this in.");
            assertThat(applicant.element("#requestedShares").getAttribute("value"))
                    .isEqualTo("2");

            applicant.get("/apply");
            assertThat(applicant.htmlLanguage()).as("the choice is kept").isEqualTo("en");
        }
    }

    @Test
    void aFormPostedByHandGetsEveryBrokenRuleAsA400NeverA500() {
        var applicant = new PageSession(service.baseUrl());
        var token = PageSession.csrfToken(applicant.get("/apply?lang=en"));

        var answer = applicant.post(
                "/apply",
                Map.of(
                        "_csrf", token,
                        "bodyKind", "CASTLE",
                        "inhabitants", "many",
                        "requestedShares", "0",
                        "requestedServices", "not a code",
                        "contactEmail", "nobody"),
                Map.of());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("This is not a valid value.", "Please give a whole number.")
                .contains("Please give a number above 0.", "Please give a valid e-mail address.")
                .contains("This is not in the expected format.", "Please confirm that you have read the statutes.");
    }

    @Test
    void theSessionCookieIsTheServicesOwnHttpOnlyLaxAndRenewedAtLogin() {
        try (var board = Browser.open(service.baseUrl(), "en")) {
            board.get("/login");
            var before = board.cookie(SESSION_COOKIE);
            assertThat(before)
                    .as("the login form's CSRF token lives in a session")
                    .isNotNull();
            assertThat(before.isHttpOnly()).isTrue();
            assertThat(before.getSameSite()).isEqualTo("Lax");

            board.logIn(DemoLogins.BOARD);
            board.element("#logout");
            var after = board.cookie(SESSION_COOKIE);
            assertThat(after.getValue()).isNotEqualTo(before.getValue());
            assertThat(after.isHttpOnly()).isTrue();
            assertThat(after.getSameSite()).isEqualTo("Lax");
            assertThat(board.cookie("JSESSIONID")).isNull();

            board.click("#logout").awaitPath("/login?logout");
            board.get("/board/applications").awaitPath("/login");
        }
    }

    @Test
    void aPagePostWithoutTheCsrfTokenIsRefused() {
        var applicationId = service.api()
                .post("/api/applications", org.allmende.membership.ApplicationForms.municipality("Gemeinde Ohnetoken"))
                .json()
                .get("applicationId")
                .asText();
        var anonymous = new PageSession(service.baseUrl());
        assertThat(anonymous
                        .post("/apply", Map.of("applicantName", "Gemeinde Ohnetoken"), Map.of())
                        .statusCode())
                .isEqualTo(403);

        var board = new PageSession(service.baseUrl());
        var login = board.logIn(DemoLogins.BOARD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        var votes = "/board/applications/" + applicationId + "/votes";
        var page = "/board/applications/" + applicationId;
        await().atMost(Duration.ofSeconds(30)).until(() -> board.get(page).statusCode() == 200);

        var forged = board.post(votes, Map.of("vote", "APPROVE"), Map.of("HX-Request", "true"));
        assertThat(forged.statusCode()).isEqualTo(403);
        var stillNoVote = service.api(DemoLogins.BOARD)
                .get("/api/applications/" + applicationId)
                .json();
        assertThat(stillNoVote.path("status").asText()).isEqualTo("PENDING");
        assertThat(stillNoVote.path("votes")).isEmpty();

        var token = PageSession.csrfToken(board.get(page));
        var counted = board.post(votes, Map.of("vote", "APPROVE"), Map.of("HX-Request", "true", "X-CSRF-TOKEN", token));
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(counted.body()).contains("Your vote is counted.").doesNotContain("<html");
    }

    @Test
    void aBoardMemberWhoDeclaresAConflictOfInterestIsRefusedTheVoteInTheirLanguage() {
        var applicationId = service.api()
                .post("/api/applications", org.allmende.membership.ApplicationForms.municipality("Gemeinde Befangen"))
                .json()
                .get("applicationId")
                .asText();
        var board = new PageSession(service.baseUrl());
        board.logIn(DemoLogins.BOARD_2);
        var page = "/board/applications/" + applicationId;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.get(page + "?lang=de").statusCode() == 200);
        var htmx = Map.of("HX-Request", "true", "X-CSRF-TOKEN", PageSession.csrfToken(board.get(page)));

        var noChoice = board.post(page + "/votes", Map.of("comment", "undecided"), htmx);
        assertThat(noChoice.body()).contains("Bitte wählen Sie Zustimmung, Ablehnung oder Enthaltung.");
        var noReason = board.post(page + "/conflicts", Map.of("reason", " "), htmx);
        assertThat(noReason.body()).contains("Bitte geben Sie den Grund des Interessenkonflikts an.");

        var declared =
                board.post(page + "/conflicts", Map.of("reason", "Ich vertrete die Gemeinde im Kreistag."), htmx);
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.body()).contains("Ihr Interessenkonflikt ist vermerkt");

        var refused = board.post(page + "/votes", Map.of("vote", "APPROVE"), htmx);
        assertThat(refused.body())
                .contains("Sie haben einen Interessenkonflikt erklärt und stimmen über diesen Antrag nicht ab.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var recorded = service.api(DemoLogins.BOARD)
                    .get("/api/applications/" + applicationId)
                    .json();
            assertThat(recorded.path("votes").findValuesAsText("kind")).containsExactly("CONFLICT");
            assertThat(recorded.path("votes").findValuesAsText("comment"))
                    .containsExactly("Ich vertrete die Gemeinde im Kreistag.");
        });
    }

    @Test
    void pagesSendASecurityPolicyWithoutInlineCodeAndAreNeitherFramedNorCached() {
        var board = new PageSession(service.baseUrl());
        board.logIn(DemoLogins.BOARD);
        for (var path : List.of("/", "/apply", "/login", "/board/applications")) {
            var page = board.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            var csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).as(path).contains("frame-ancestors 'none'", "script-src 'self'", "style-src 'self'");
            assertThat(csp).as(path).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("Cache-Control").orElseThrow())
                    .as(path)
                    .contains("no-store");
            assertThat(page.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(page.body()).as(path).doesNotContain("<script>", "style=\"");
        }
        assertThat(board.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(board.get("/allmende/allmende.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiStaysStatelessWithBasicAndPagesNeedTheirRole() {
        var api = service.api(DemoLogins.BOARD).get("/api/applications");
        assertThat(api.status()).isEqualTo(200);

        var board = new PageSession(service.baseUrl());
        board.logIn(DemoLogins.BOARD);
        for (var unknown : List.of("/board/applications/" + java.util.UUID.randomUUID(), "/board/applications/x")) {
            var missing = board.get(unknown);
            assertThat(missing.statusCode()).as(unknown).isEqualTo(404);
            assertThat(missing.body()).as(unknown).contains("There is no such page.");
        }

        var member = new PageSession(service.baseUrl());
        member.logIn(DemoLogins.MEMBER_1);
        assertThat(member.get("/board/applications").statusCode()).isEqualTo(403);
        var anonymous = new PageSession(service.baseUrl());
        var redirected = anonymous.get("/board/applications");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anOpenIdConnectProviderByConfigurationIsOfferedOnTheLoginPageBesideTheLocalLogins() {
        var browser = new PageSession(service.baseUrl());
        var login = browser.get("/login");
        assertThat(login.body()).contains("Log in with KommunalIT", "/oauth2/authorization/kommunalit");

        var toProvider = browser.get("/oauth2/authorization/kommunalit");

        assertThat(toProvider.statusCode()).isEqualTo(302);
        var location = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(IDP + "/auth?")
                .contains("response_type=code", "client_id=allmende-membership", "scope=openid%20profile")
                .contains("state=", "nonce=", "code_challenge_method=S256")
                .contains("redirect_uri=" + service.baseUrl() + "/login/oauth2/code/kommunalit");
        assertThat(browser.logIn(DemoLogins.BOARD).statusCode())
                .as("local logins still work")
                .isEqualTo(302);
    }

    /**
     * RP-initiated logout (ADR 0030). No identity provider runs here: the provider's login is planted in the session
     * store as the login would leave it (an ID token mapped by the service's own {@link OidcLogins}); what is
     * tested is the service's part — the page, the policy, the logout's redirect to the provider with the ID token
     * and the way back, and the session's end here.
     */
    @Test
    void anOpenIdConnectLoginLogsOutAtTheProviderTooALocalLoginHere() {
        var issued = Instant.parse("2026-11-25T08:00:00Z");
        var idToken = new OidcIdToken(
                "the-id-token",
                issued,
                issued.plus(Duration.ofDays(36_500)),
                Map.of(
                        "sub",
                        "subject-7",
                        "iss",
                        "https://login.example.org/realms/kommunalit",
                        "preferred_username",
                        "e.vorstand",
                        "realm_access",
                        Map.of("roles", List.of("allmende-vorstand"))));
        var user = service.bean(PageLogins.class).oidc().map(new DefaultOidcUser(List.of(), idToken));
        var sessions = service.bean(JdbcIndexedSessionRepository.class);
        var sessionId = plant(
                sessions,
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "kommunalit")));
        var browser = new PageSession(service.baseUrl())
                .withCookie(
                        SESSION_COOKIE, Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8)));

        var page = browser.get("/board/applications");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"login-name\">e.vorstand<");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("the logout form may lead to the provider")
                .contains("form-action 'self' https://login.example.org;");
        var out = browser.post("/logout", Map.of("_csrf", PageSession.csrfToken(page)), Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow())
                .isEqualTo(IDP + "/logout?id_token_hint=the-id-token&post_logout_redirect_uri=" + service.baseUrl()
                        + "/login?logout");
        assertThat(sessions.findById(sessionId)).as("the session here ended").isNull();

        var local = new PageSession(service.baseUrl());
        local.logIn(DemoLogins.BOARD);
        var localOut = local.post(
                "/logout", Map.of("_csrf", PageSession.csrfToken(local.get("/board/applications"))), Map.of());
        assertThat(localOut.headers().firstValue("Location").orElseThrow())
                .as("a local login logs out here, with OpenID Connect configured")
                .doesNotContain("login.example.org")
                .endsWith("/login?logout");
    }

    private static <S extends Session> String plant(SessionRepository<S> sessions, SecurityContext login) {
        var session = sessions.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, login);
        sessions.save(session);
        return session.getId();
    }

    /** Fills in the application form with valid answers (for the tests that need an application sent). */
    static void fillIn(Browser browser, String name) {
        browser.type("applicantName", name)
                .select("bodyKind", "MUNICIPALITY")
                .type("ags", "06611000")
                .type("inhabitants", "12000")
                .type("staffCount", "180")
                .type("street", "Marktplatz 1")
                .type("postalCode", "34117")
                .type("city", "Lindenau")
                .type("leitwegId", "991-33333TEST-33")
                .type("contactName", "Erika Mustermann")
                .type("contactRole", "IT-Leitung")
                .type("contactEmail", "erika@example.org")
                .type("requestedShares", "12")
                .click("#statutesAcknowledged1")
                .click("#paymentObligationAcknowledged1");
    }
}
