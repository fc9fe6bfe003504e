package org.allmende.membership.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationWithdrawn;
import org.allmende.membership.config.AxonConfig;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant's contact persons of the board's decision (§15 GenG), and, after a rejection or withdrawal,
 * erases their personal data (GDPR Art. 17): the letters are queued and the contacts deleted in one transaction,
 * so the erasure can never happen without the notice, nor the notice be lost.
 */
@Component
@ProcessingGroup(AxonConfig.REGISTER)
class ApplicantLetters {

    private static final Logger log = LoggerFactory.getLogger(ApplicantLetters.class);

    private final ContactPersons contacts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApplicantLetters(ContactPersons contacts, JdbcTemplate jdbc, Clock clock) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(MemberAdmitted event) {
        queue(
                event.applicationId(),
                "Aufnahme in die Genossenschaft / Admission to the cooperative",
                """
                Der Vorstand hat %s am %s als Mitglied aufgenommen; Mitgliedsnummer: %d, Geschäftsanteile: %d.

                The board admitted %s on %s; member number %d, shares %d.
                """
                        .formatted(
                                event.name(),
                                event.admittedOn(),
                                event.memberNumber(),
                                event.shares(),
                                event.name(),
                                event.admittedOn(),
                                event.memberNumber(),
                                event.shares()));
    }

    @EventHandler
    void on(MembershipApplicationRejected event) {
        queue(
                event.applicationId(),
                "Ihr Aufnahmeantrag / Your application for membership",
                """
                Der Vorstand hat Ihren Antrag auf Aufnahme am %s abgelehnt.
                Ihre Kontaktdaten haben wir gelöscht.

                The board rejected your application on %s. We have erased your contact details.
                """
                        .formatted(event.decidedOn(), event.decidedOn()));
        erase(event.applicationId(), "rejected");
    }

    @EventHandler
    void on(MembershipApplicationWithdrawn event) {
        queue(
                event.applicationId(),
                "Rücknahme Ihres Aufnahmeantrags / Your application was withdrawn",
                """
                Ihr Antrag auf Aufnahme wurde am %s zurückgenommen. Ihre Kontaktdaten haben wir gelöscht.

                Your application was withdrawn on %s. We have erased your contact details.
                """
                        .formatted(event.withdrawnOn(), event.withdrawnOn()));
        erase(event.applicationId(), "withdrawn");
    }

    private void queue(UUID applicationId, String subject, String body) {
        for (var contact : contacts.of(applicationId)) {
            jdbc.update(
                    """
                    insert into letter_outbox (id, application_id, recipient, subject, body, queued_at)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing
                    """,
                    UUID.nameUUIDFromBytes((applicationId + contact.email() + subject).getBytes()),
                    applicationId,
                    contact.email(),
                    subject,
                    "Guten Tag " + contact.name() + ",\n\n" + body,
                    Timestamp.from(clock.instant()));
        }
    }

    private void erase(UUID applicationId, String why) {
        log.info("application {} {}: erased {} contact persons", applicationId, why, contacts.erase(applicationId));
    }
}
