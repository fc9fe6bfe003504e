package org.allmende.membership.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The personal data around an application, kept outside the event store so that it can really be erased
 * (ADR 0012): contact persons, and the hash of the applicant's withdrawal token.
 */
@Component
public class ContactPersons {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContactPersons(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(UUID applicationId, List<ContactPerson> contacts, String withdrawalToken) {
        var now = Timestamp.from(clock.instant());
        for (int i = 0; i < contacts.size(); i++) {
            var contact = contacts.get(i);
            jdbc.update(
                    "insert into contact_person (id, application_id, position, name, role, email, phone, recorded_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    applicationId,
                    i,
                    contact.name(),
                    contact.role(),
                    contact.email(),
                    contact.phone(),
                    now);
        }
        jdbc.update(
                "insert into application_access (application_id, token_sha256) values (?, ?)",
                applicationId,
                sha256(withdrawalToken));
    }

    public List<ContactPerson> of(UUID applicationId) {
        return jdbc.query(
                "select name, role, email, phone from contact_person where application_id = ? order by position",
                (row, i) -> new ContactPerson(
                        row.getString("name"), row.getString("role"), row.getString("email"), row.getString("phone")),
                applicationId);
    }

    /** Whether this is the applicant's token from the submission (compared by hash in constant time). */
    public boolean isWithdrawalToken(UUID applicationId, String token) {
        if (token == null) {
            return false;
        }
        var stored = jdbc.queryForList(
                "select token_sha256 from application_access where application_id = ?", String.class, applicationId);
        return !stored.isEmpty()
                && MessageDigest.isEqual(
                        stored.get(0).getBytes(StandardCharsets.US_ASCII),
                        sha256(token).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Erases every piece of personal data of the application. The token's hash stays: it is no personal data,
     * and with it the applicant can still look up the decision.
     */
    public int erase(UUID applicationId) {
        return jdbc.update("delete from contact_person where application_id = ?", applicationId);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
