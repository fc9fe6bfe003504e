package org.allmende.membership.contacts;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued letters through the configured mail server ({@code spring.mail.host}) and deletes each one the
 * server accepted. Without a mail server the letters wait (and say so in the log); a failure is retried.
 */
@Component
class LetterSender {

    private static final Logger log = LoggerFactory.getLogger(LetterSender.class);
    private static final int MAX_ATTEMPTS = 20;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    LetterSender(
            JdbcTemplate jdbc,
            ObjectProvider<JavaMailSender> mail,
            @Value("${allmende.letters.from:vorstand@allmende.invalid}") String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${allmende.letters.send-every:PT5S}")
    void sendQueued() {
        var sender = mail.getIfAvailable();
        var queued = jdbc.queryForList(
                "select id, recipient, subject, body from letter_outbox where attempts < ? order by queued_at limit 50",
                MAX_ATTEMPTS);
        if (queued.isEmpty()) {
            return;
        }
        if (sender == null) {
            log.warn("{} letters to applicants wait: no mail server configured (spring.mail.host)", queued.size());
            return;
        }
        for (var letter : queued) {
            var id = (UUID) letter.get("id");
            var message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo((String) letter.get("recipient"));
            message.setSubject((String) letter.get("subject"));
            message.setText((String) letter.get("body"));
            try {
                sender.send(message);
                jdbc.update("delete from letter_outbox where id = ?", id);
            } catch (MailException e) {
                jdbc.update(
                        "update letter_outbox set attempts = attempts + 1, last_error = ? where id = ?",
                        String.valueOf(e.getMessage())
                                .substring(
                                        0,
                                        Math.min(
                                                1000,
                                                String.valueOf(e.getMessage()).length())),
                        id);
                log.warn("letter {} not sent, will retry: {}", id, e.getMessage());
            }
        }
    }
}
