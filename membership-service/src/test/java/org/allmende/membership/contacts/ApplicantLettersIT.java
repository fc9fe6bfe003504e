package org.allmende.membership.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.membership.ApplicationForms;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The applicant hears of the board's decision by mail — from a real SMTP server — before its data is erased. */
class ApplicantLettersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static GreenMail smtp;
    private static RunningMembershipService service;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(LocalKafka.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        service = RunningMembershipService.start(
                SharedInfrastructure.unique("membership"),
                SharedInfrastructure.unique("membership_topic"),
                Map.of(
                        "spring.mail.host", "localhost",
                        "spring.mail.port", Integer.toString(smtp.getSmtp().getPort()),
                        "allmende.letters.send-every", "PT0.2S"));
    }

    @AfterAll
    static void stop() {
        service.close();
        smtp.stop();
    }

    private static String apply(String name) {
        return service.api()
                .post("/api/applications", ApplicationForms.municipality(name))
                .json()
                .get("applicationId")
                .asText();
    }

    private static MimeMessage[] letters(String recipient, String subject) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.toString(m.getAllRecipients()).contains(recipient)
                                && m.getSubject().contains(subject);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    @Test
    void aRejectedApplicantIsToldByMailAndThenForgotten() throws Exception {
        var applicationId = apply("Gemeinde Nein");
        var vote = Map.of("vote", "REJECT");
        service.api(DemoLogins.BOARD).post("/api/applications/" + applicationId + "/votes", vote);
        service.api(DemoLogins.BOARD_2).post("/api/applications/" + applicationId + "/votes", vote);

        await().atMost(PATIENCE).until(() -> letters("erika@example.org", "Aufnahmeantrag").length == 1);
        var letter = letters("erika@example.org", "Aufnahmeantrag")[0];
        assertThat((String) letter.getContent()).contains("abgelehnt").contains("Erika Mustermann");

        var jdbc = service.bean(JdbcTemplate.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select (select count(*) from contact_person where application_id = ?::uuid)"
                                + " + (select count(*) from letter_outbox where application_id = ?::uuid)",
                        Long.class,
                        applicationId,
                        applicationId))
                .as("no personal data of the rejected applicant is left")
                .isZero());
    }

    @Test
    void anAdmittedApplicantLearnsItsMemberNumber() throws Exception {
        var applicationId = apply("Gemeinde Ja");
        var vote = Map.of("vote", "APPROVE");
        service.api(DemoLogins.BOARD).post("/api/applications/" + applicationId + "/votes", vote);
        var admitted = service.api(DemoLogins.BOARD_2).post("/api/applications/" + applicationId + "/votes", vote);
        var memberNumber = admitted.json().get("memberNumber").asLong();

        await().atMost(PATIENCE)
                .until(() -> letters("erika@example.org", "Aufnahme in die Genossenschaft").length == 1);
        var letter = letters("erika@example.org", "Aufnahme in die Genossenschaft")[0];
        assertThat((String) letter.getContent()).contains("Mitgliedsnummer: " + memberNumber);
    }
}
