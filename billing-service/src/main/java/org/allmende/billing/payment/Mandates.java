package org.allmende.billing.payment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The members' SEPA direct debit mandates, as finance records them from the signed forms. */
@Component
public class Mandates {

    /** A signed mandate as finance enters it. */
    public record NewMandate(String reference, LocalDate signedOn, String debtorName, String iban, String bic) {}

    private static final String VIEW =
            """
            select m.member_number, m.reference, m.signed_on, m.debtor_name, m.iban, m.bic, m.ended_on, m.end_reason,
                exists (select 1 from direct_debit_collection c
                        where c.mandate_id = m.id and c.status = 'SUBMITTED') as standing,
                (select max(f.collection_date) from direct_debit_collection c
                 join direct_debit_file f on f.id = c.file_id where c.mandate_id = m.id) as last_collection_date
            from sepa_mandate m
            """;

    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final MemberLedger members;
    private final Clock clock;
    private final DirectDebitProperties directDebit;
    private final CreditorProperties creditor;

    Mandates(
            JdbcTemplate jdbc,
            Bookings bookings,
            MemberLedger members,
            Clock clock,
            DirectDebitProperties directDebit,
            CreditorProperties creditor) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.members = members;
        this.clock = clock;
        this.directDebit = directDebit;
        this.creditor = creditor;
    }

    /**
     * Records a mandate; it ends the member's previous one (a member pays from one account). IBAN, BIC and reference
     * are checked (400 naming the field and rule), the reference must be new for the creditor (409).
     */
    @Transactional
    public MandateView record(long memberNumber, NewMandate mandate, String by) {
        if (members.byNumber(memberNumber).isEmpty()) {
            throw new NotFound("Billing knows no member number " + memberNumber + ".");
        }
        var reference = BankAccounts.reference("reference", mandate.reference());
        var iban = BankAccounts.iban("iban", mandate.iban());
        var bic = mandate.bic() == null || mandate.bic().isBlank() ? null : BankAccounts.bic("bic", mandate.bic());
        var today = LocalDate.now(clock);
        if (mandate.signedOn().isAfter(today)) {
            throw new InvalidField("signedOn", "not-in-future", "must not be after today");
        }
        // one active mandate per member: concurrent entries for the same member wait for each other
        bookings.lockAccount(memberNumber);
        jdbc.update(
                """
                update sepa_mandate set ended_on = ?, end_reason = 'REPLACED'
                where member_number = ? and ended_on is null
                """,
                Date.valueOf(today),
                memberNumber);
        var inserted = jdbc.update(
                """
                insert into sepa_mandate (member_number, reference, signed_on, debtor_name, iban, bic, recorded_at,
                    recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (reference) do nothing
                """,
                memberNumber,
                reference,
                Date.valueOf(mandate.signedOn()),
                mandate.debtorName().strip(),
                iban,
                bic,
                Timestamp.from(clock.instant()),
                by);
        if (inserted == 0) {
            throw new RuleViolation(
                    "mandate-reference-taken", "A mandate with the reference " + reference + " exists already.");
        }
        return byReference(reference);
    }

    public List<MandateView> ofMember(long memberNumber) {
        return jdbc.query(VIEW + " where m.member_number = ? order by m.id", Mandates::view, memberNumber);
    }

    /**
     * The member's mandate a document issued on {@code day} is collected under: active, signed by then and not lapsed
     * (used, or signed, within the lapse period) — and only while the cooperative has a creditor identifier, without
     * which nothing is collected. Empty: the member pays by credit transfer.
     */
    public Optional<MandateView> usableOn(long memberNumber, LocalDate day) {
        if (!creditor.configured()) {
            return Optional.empty();
        }
        var lapsedIfUnusedSince = day.minusMonths(directDebit.mandateLapsesAfterMonths());
        return ofMember(memberNumber).stream()
                .filter(m -> m.endedOn() == null && !m.signedOn().isAfter(day))
                .filter(m -> (m.lastCollectionDate() == null ? m.signedOn() : m.lastCollectionDate())
                        .isAfter(lapsedIfUnusedSince))
                .findFirst();
    }

    /** The creditor identifier direct debits are collected under, if one is configured. */
    public Optional<String> creditorId() {
        return Optional.ofNullable(creditor.creditorId());
    }

    MandateView byReference(String reference) {
        return jdbc.query(VIEW + " where m.reference = ?", Mandates::view, reference).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("No mandate " + reference + "."));
    }

    private static MandateView view(ResultSet row, int index) throws SQLException {
        var ended = row.getDate("ended_on");
        var last = row.getDate("last_collection_date");
        return new MandateView(
                row.getLong("member_number"),
                row.getString("reference"),
                row.getDate("signed_on").toLocalDate(),
                row.getString("debtor_name"),
                row.getString("iban"),
                row.getString("bic"),
                ended == null ? "ACTIVE" : "ENDED",
                ended == null ? null : ended.toLocalDate(),
                row.getString("end_reason"),
                row.getBoolean("standing") ? "RCUR" : "FRST",
                last == null ? null : last.toLocalDate());
    }
}
