package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.events.billing.PayoutMade;
import org.allmende.events.money.Money;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payouts of capital (§73 GenG): due when a membership ended, or voluntary shares were given up, by the date
 * membership set. When finance pays one, the capital is first set off against the member's open items that are
 * due by then (oldest due first; capital calls excepted: capital not paid in is not paid out either), and only the
 * rest is transferred. One payout per membership event, paid once.
 */
@Component
public class Payouts {

    public record PayoutView(
            UUID payoutId,
            long memberNumber,
            String cause,
            LocalDate effectiveOn,
            LocalDate dueBy,
            BigDecimal capital,
            String status,
            BigDecimal netted,
            BigDecimal paidOut,
            LocalDate paidOn,
            String reference,
            List<String> nettedAgainst,
            String accountIban,
            String messageId) {}

    /** Where the rest goes: the member's account as finance gives it; none given, the member's latest mandate's. */
    public record Account(String iban, String bic, String holder) {}

    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final AccountFacts facts;
    private final CreditorProperties cooperative;
    private final Clock clock;

    Payouts(JdbcTemplate jdbc, Bookings bookings, AccountFacts facts, CreditorProperties cooperative, Clock clock) {
        this.cooperative = cooperative;
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * A payout became due (from membership's MembershipEnded or SharesGivenUp, whose event id is the payout's id):
     * in the caller's transaction; the same event again changes nothing; nothing to pay out, nothing due.
     */
    public void due(
            UUID payoutId, UUID memberId, String cause, LocalDate effectiveOn, BigDecimal capital, LocalDate dueBy) {
        if (capital == null || capital.signum() <= 0 || dueBy == null) {
            return;
        }
        jdbc.update(
                """
                insert into payout (payout_id, member_id, member_number, cause, effective_on, due_by, currency,
                    capital, status, recorded_at)
                select ?, member_id, member_number, ?, ?, ?, 'EUR', ?, 'DUE', ? from member where member_id = ?
                on conflict (payout_id) do nothing
                """,
                payoutId,
                cause,
                Date.valueOf(effectiveOn),
                Date.valueOf(dueBy),
                Money.exact(capital),
                Timestamp.from(clock.instant()),
                memberId);
    }

    /**
     * Finance pays the payout on {@code paidOn} (not in the future): set off against the member's open items due by
     * then, the rest transferred; PayoutMade is appended in the same transaction. Paid before: answered as it is.
     */
    @Transactional
    public PayoutView pay(UUID payoutId, LocalDate paidOnOrToday, Account given, String by) {
        var paidOn = paidOnOrToday == null ? LocalDate.now(clock) : paidOnOrToday;
        if (paidOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("paidOn", "not-in-future", "must not be after today");
        }
        var payout = jdbc.query("select * from payout where payout_id = ? for update", Payouts::view, payoutId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("There is no payout " + payoutId + "."));
        if ("PAID".equals(payout.status())) {
            return byId(payoutId);
        }
        bookings.lockAccount(payout.memberNumber());
        var left = payout.capital();
        var items = jdbc.query(
                """
                select i.id, i.open_amount, i.document_type from open_item i
                where i.member_number = ? and i.open_amount > 0 and i.document_type <> 'CAPITAL_CALL'
                  and i.due_on <= ?
                  and not exists (select 1 from direct_debit_collection c
                                  where c.open_item_id = i.id and c.status = 'SUBMITTED')
                order by i.due_on, i.id
                """,
                Settlement::debit,
                payout.memberNumber(),
                Date.valueOf(paidOn));
        for (var item : items) {
            if (left.signum() <= 0) {
                break;
            }
            var amount = item.open().min(left);
            bookings.setOffAgainstPayout(item.id(), payoutId, amount, paidOn);
            left = left.subtract(amount);
        }
        var netted = payout.capital().subtract(left);
        var reference = ("AUS-" + payout.memberNumber() + "-" + payout.effectiveOn());
        var account = left.signum() > 0 ? account(given, payout.memberNumber()) : null;
        if (account != null) {
            transfer(payoutId, payout.memberNumber(), account, left, reference);
        }
        jdbc.update(
                """
                update payout set status = 'PAID', netted = ?, paid_out = ?, paid_on = ?, reference = ?, paid_at = ?,
                    paid_by = ?
                where payout_id = ?
                """,
                netted,
                left,
                Date.valueOf(paidOn),
                reference,
                Timestamp.from(clock.instant()),
                by,
                payoutId);
        var memberId = jdbc.queryForObject("select member_id from payout where payout_id = ?", UUID.class, payoutId);
        facts.append(new PayoutMade(
                payoutId,
                memberId,
                payout.memberNumber(),
                payout.cause(),
                payout.dueBy(),
                paidOn,
                NewOpenItem.EUR,
                payout.capital(),
                facts.payoutAllocations(payoutId),
                netted,
                left,
                reference));
        return byId(payoutId);
    }

    /** The account checked (IBAN check digits, BIC format; 400 naming the field), or the latest mandate's. */
    private Account account(Account given, long memberNumber) {
        if (given != null && given.iban() != null && !given.iban().isBlank()) {
            var bic = given.bic() == null || given.bic().isBlank() ? null : BankAccounts.bic("bic", given.bic());
            var holder = given.holder() == null || given.holder().isBlank()
                    ? jdbc.queryForObject("select name from member where member_number = ?", String.class, memberNumber)
                    : given.holder();
            return new Account(BankAccounts.iban("iban", given.iban()), bic, holder);
        }
        return jdbc
                .query(
                        """
                        select iban, bic, debtor_name from sepa_mandate where member_number = ?
                        order by (ended_on is null) desc, signed_on desc limit 1
                        """,
                        (row, i) ->
                                new Account(row.getString("iban"), row.getString("bic"), row.getString("debtor_name")),
                        memberNumber)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Records where the rest goes and, with the cooperative's own account configured, makes the SEPA credit
     * transfer file for the bank (pain.001.001.03), executed today.
     */
    private void transfer(UUID payoutId, long memberNumber, Account account, BigDecimal amount, String reference) {
        String messageId = null;
        String file = null;
        if (cooperative.iban() != null && !cooperative.iban().isBlank()) {
            var createdAt = OffsetDateTime.now(clock);
            messageId = "ALLMENDE-PO-"
                    + createdAt.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8) + "-" + memberNumber;
            var holder = account.holder().length() > 70 ? account.holder().substring(0, 70) : account.holder();
            file = Pain001.write(
                    messageId,
                    createdAt,
                    LocalDate.now(clock),
                    cooperative.name(),
                    BankAccounts.compact(cooperative.iban()),
                    cooperative.bic() == null || cooperative.bic().isBlank() ? null : cooperative.bic(),
                    new Pain001.Transfer(
                            reference,
                            amount,
                            holder,
                            account.iban(),
                            account.bic(),
                            "Auszahlung Geschaeftsguthaben " + reference));
        }
        jdbc.update(
                """
                update payout set account_iban = ?, account_bic = ?, account_holder = ?, message_id = ?, pain001 = ?
                where payout_id = ?
                """,
                account.iban(),
                account.bic(),
                account.holder(),
                messageId,
                file,
                payoutId);
    }

    /** The credit transfer file of a paid payout, as made; empty if none was made. */
    public Optional<String> transferFile(UUID payoutId) {
        return jdbc.queryForList("select pain001 from payout where payout_id = ?", String.class, payoutId).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    public PayoutView byId(UUID payoutId) {
        return find(payoutId).orElseThrow(() -> new NotFound("There is no payout " + payoutId + "."));
    }

    private Optional<PayoutView> find(UUID payoutId) {
        return jdbc.query("select * from payout where payout_id = ?", this::withSetOff, payoutId).stream()
                .findFirst();
    }

    /** Payouts, those due first (by due date), then those paid; optionally only one status. */
    public List<PayoutView> list(Optional<String> status) {
        var order = " order by status, due_by, member_number";
        return status.isPresent()
                ? jdbc.query("select * from payout where status = ?" + order, this::withSetOff, status.get())
                : jdbc.query("select * from payout" + order, this::withSetOff);
    }

    public List<PayoutView> ofMember(long memberNumber) {
        return jdbc.query(
                "select * from payout where member_number = ? order by effective_on", this::withSetOff, memberNumber);
    }

    private PayoutView withSetOff(ResultSet row, int index) throws SQLException {
        var plain = view(row, index);
        var documents = jdbc.queryForList(
                "select i.document_number from allocation a join open_item i on i.id = a.open_item_id"
                        + " where a.payout_id = ? order by a.id",
                String.class,
                plain.payoutId());
        return new PayoutView(
                plain.payoutId(),
                plain.memberNumber(),
                plain.cause(),
                plain.effectiveOn(),
                plain.dueBy(),
                plain.capital(),
                plain.status(),
                plain.netted(),
                plain.paidOut(),
                plain.paidOn(),
                plain.reference(),
                documents,
                plain.accountIban(),
                plain.messageId());
    }

    private static PayoutView view(ResultSet row, int index) throws SQLException {
        var paidOn = row.getDate("paid_on");
        return new PayoutView(
                row.getObject("payout_id", UUID.class),
                row.getLong("member_number"),
                row.getString("cause"),
                row.getDate("effective_on").toLocalDate(),
                row.getDate("due_by").toLocalDate(),
                row.getBigDecimal("capital"),
                row.getString("status"),
                row.getBigDecimal("netted"),
                row.getBigDecimal("paid_out"),
                paidOn == null ? null : paidOn.toLocalDate(),
                row.getString("reference"),
                List.of(),
                row.getString("account_iban"),
                row.getString("message_id"));
    }
}
