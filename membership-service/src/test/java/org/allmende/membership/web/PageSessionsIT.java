package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.membership.ApplicationForms;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages' sessions live in membership's database (ADR 0030): a login outlives the instance that made it, is seen
 * by every instance on the same database, gets a new id at login, ends with its row at logout or after the idle
 * time; and the REST API, stateless, leaves no row.
 */
class PageSessionsIT {

    private static final String COOKIE = "ALLMENDE_MEMBERSHIP_SESSION";
    private static final String BOARD_PAGE = "/board/applications";
    /** Expired sessions are looked for every second here (every minute by default). */
    private static final Map<String, String> QUICK_CLEANUP = Map.of("spring.session.jdbc.cleanup-cron", "* * * * * *");

    private static final String DATABASE = SharedInfrastructure.unique("membership");
    private static final String TOPIC = SharedInfrastructure.unique("membership_topic");

    private static RunningMembershipService service;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start(DATABASE, TOPIC, QUICK_CLEANUP);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aLoginIsSharedByASecondInstanceAndSurvivesARestartOfAll() {
        var browser = new PageSession(service.baseUrl());
        browser.logIn(DemoLogins.BOARD);
        assertThat(browser.get(BOARD_PAGE).statusCode()).isEqualTo(200);
        var cookie = browser.cookie(COOKIE).orElseThrow().getValue();

        try (var second = RunningMembershipService.start(
                DATABASE,
                TOPIC,
                Map.of("server.servlet.session.timeout", "10m", "server.servlet.session.cookie.secure", "true"))) {
            var there = new PageSession(second.baseUrl()).withCookie(COOKIE, cookie);
            assertThat(there.get(BOARD_PAGE).statusCode())
                    .as("the second instance knows the first one's login")
                    .isEqualTo(200);

            var fresh = new PageSession(second.baseUrl()).get("/login");
            assertThat(fresh.headers().allValues("Set-Cookie"))
                    .as("the cookie as configured: the service's name, Secure by configuration, HttpOnly, Lax")
                    .anySatisfy(header -> assertThat(header)
                            .startsWith(COOKIE + "=")
                            .contains("; Secure", "; HttpOnly", "; SameSite=Lax"));
            var freshId = sessionId(fresh.headers().allValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith(COOKIE + "="))
                    .findFirst()
                    .orElseThrow()
                    .replaceFirst(COOKIE + "=([^;]*).*", "$1"));
            assertThat(jdbc().queryForObject(
                                    "select max_inactive_interval from spring_session where session_id = ?",
                                    Integer.class,
                                    freshId))
                    .as("the idle time by configuration: 10 minutes")
                    .isEqualTo(600);
        }

        // every instance stops; one starts again on the same database
        service.close();
        service = RunningMembershipService.start(DATABASE, TOPIC, QUICK_CLEANUP);

        var afterRestart = new PageSession(service.baseUrl()).withCookie(COOKIE, cookie);
        var page = afterRestart.get(BOARD_PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"login-name\">vorstand<");
    }

    @Test
    void theSessionIdChangesAtLoginAndTheOldIdOpensNothing() {
        var browser = new PageSession(service.baseUrl());
        browser.get("/login");
        var before = sessionId(browser);
        assertThat(principal(before)).as("the login form's session, anonymous").isNull();
        assertThat(rows(before)).isEqualTo(1);

        browser.logIn(DemoLogins.BOARD);

        var after = sessionId(browser);
        assertThat(after).isNotEqualTo(before);
        assertThat(rows(before)).isZero();
        assertThat(principal(after)).isEqualTo("vorstand");
        var planted = new PageSession(service.baseUrl()).withCookie(COOKIE, cookieValue(before));
        assertThat(planted.get(BOARD_PAGE).headers().firstValue("Location"))
                .as("a session id known before the login (session fixation) opens nothing")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void loggingOutDeletesTheSessionsRow() {
        var browser = new PageSession(service.baseUrl());
        browser.logIn(DemoLogins.BOARD);
        var id = sessionId(browser);
        var page = browser.get(BOARD_PAGE);
        assertThat(rows(id)).isEqualTo(1);

        var out = browser.post("/logout", Map.of("_csrf", PageSession.csrfToken(page)), Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location"))
                .as("a local login logs out here")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
        assertThat(rows(id)).isZero();
        var again = new PageSession(service.baseUrl()).withCookie(COOKIE, cookieValue(id));
        assertThat(again.get(BOARD_PAGE).statusCode()).isEqualTo(302);
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutesAndItsRowIsDeleted() {
        var browser = new PageSession(service.baseUrl());
        browser.logIn(DemoLogins.BOARD);
        var id = sessionId(browser);
        assertThat(jdbc().queryForObject(
                                "select max_inactive_interval from spring_session where session_id = ?",
                                Integer.class,
                                id))
                .isEqualTo(30 * 60);

        // 31 minutes without a request: the session's times moved back rather than the test waiting
        var idle = Duration.ofMinutes(31).toMillis();
        jdbc().update(
                        "update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?"
                                + " where session_id = ?",
                        idle,
                        idle,
                        id);

        await().atMost(Duration.ofSeconds(20)).until(() -> rows(id) == 0);
        assertThat(browser.get(BOARD_PAGE).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theApiWritesNoSession() {
        var before = new HashSet<>(jdbc().queryForList("select session_id from spring_session", String.class));

        assertThat(service.api(DemoLogins.BOARD)
                        .get("/api/applications?status=PENDING")
                        .status())
                .isEqualTo(200);
        assertThat(service.api().get("/api/applications?status=PENDING").status())
                .isEqualTo(401);
        assertThat(service.api(DemoLogins.MEMBER_1).get("/api/applications").status())
                .isEqualTo(403);
        assertThat(service.api()
                        .post("/api/applications", ApplicationForms.municipality("Gemeinde Ohnesitzung"))
                        .status())
                .isEqualTo(201);
        assertThat(service.api(DemoLogins.BOARD).get("/api/register").status()).isEqualTo(200);
        assertThat(service.api(DemoLogins.ADMIN).get("/actuator/health").status())
                .isEqualTo(200);

        var after = new HashSet<>(jdbc().queryForList("select session_id from spring_session", String.class));
        after.removeAll(before);
        assertThat(after).as("sessions made by API calls").isEmpty();
        assertThat(jdbc().queryForObject(
                                "select count(*) from spring_session where principal_name in ('admin', 'mitglied1')",
                                Integer.class))
                .isZero();
    }

    private static JdbcTemplate jdbc() {
        return service.bean(JdbcTemplate.class);
    }

    private static int rows(String sessionId) {
        return jdbc().queryForObject(
                        "select count(*) from spring_session where session_id = ?", Integer.class, sessionId);
    }

    private static String principal(String sessionId) {
        return jdbc().queryForObject(
                        "select principal_name from spring_session where session_id = ?", String.class, sessionId);
    }

    private static String sessionId(PageSession browser) {
        return sessionId(browser.cookie(COOKIE).orElseThrow().getValue());
    }

    /** The cookie carries the session id in Base64 (Spring Session's default). */
    private static String sessionId(String cookieValue) {
        return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
    }

    private static String cookieValue(String sessionId) {
        return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
    }
}
