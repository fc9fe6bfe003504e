package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.allmende.billing.ledger.MemberView;
import org.allmende.events.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How much capital of a member may still be called: its shares at the nominal value (up to the portion called)
 * less what it has paid in (membership's paid-in capital), less what open capital calls ask for already, less what
 * billing has allocated to capital calls that membership has not recorded yet. Never more: a capital call run, run
 * twice or on two instances, calls each euro once.
 */
@Component
public class UnpaidCapital {

    private static final Logger log = LoggerFactory.getLogger(UnpaidCapital.class);

    /** How much of each share a run calls. */
    public enum Portion {
        /** The part due on admission by the statutes (at least a tenth, §7 Nr. 1 GenG). */
        FIRST_INSTALMENT,
        /** Everything subscribed: the rest when the board calls it. */
        FULL
    }

    private final JdbcTemplate jdbc;
    private final CapitalProperties capital;

    UnpaidCapital(JdbcTemplate jdbc, CapitalProperties capital) {
        this.jdbc = jdbc;
        this.capital = capital;
    }

    /** What a capital call for this portion may ask of the member now (zero or more). */
    public BigDecimal toCall(MemberView member, Portion portion) {
        return toCall(
                portion,
                capital.nominalValue(),
                capital.firstInstalmentPercent(),
                member.shares(),
                member.paidInCapital(),
                inFlight(member.memberNumber()));
    }

    /**
     * The rule: the portion of the subscribed capital (a share's instalment is rounded to cents once, then times the
     * shares), less what is paid in or asked for already; never below zero.
     */
    public static BigDecimal toCall(
            Portion portion,
            BigDecimal nominalValue,
            BigDecimal firstInstalmentPercent,
            int shares,
            BigDecimal paidIn,
            BigDecimal inFlight) {
        var perShare = portion == Portion.FULL
                ? nominalValue
                : Money.round(nominalValue
                        .multiply(firstInstalmentPercent)
                        .divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
        var due = Money.times(perShare, shares).subtract(paidIn).subtract(inFlight);
        return due.signum() > 0 ? Money.round(due) : Money.ZERO;
    }

    /**
     * Capital asked for or received by billing but not (yet) in membership's paid-in capital: the open amounts of
     * capital calls, and allocations to capital calls membership has not acknowledged.
     */
    BigDecimal inFlight(long memberNumber) {
        return jdbc.queryForObject(
                """
                select coalesce((select sum(open_amount) from open_item
                                 where member_number = ? and document_type = 'CAPITAL_CALL'), 0)
                     + coalesce((select sum(a.amount) from allocation a join open_item i on i.id = a.open_item_id
                                 where i.member_number = ? and i.document_type = 'CAPITAL_CALL'
                                   and not exists (select 1 from capital_acknowledged k
                                                   where k.allocation_id = a.id)), 0)
                """,
                BigDecimal.class,
                memberNumber,
                memberNumber);
    }

    /**
     * Membership transfers whole shares at its nominal value (§76 GenG): a transfer at another value means billing's
     * {@code allmende.capital.nominal-value} differs from membership's statutes, and capital calls would be wrong.
     * Said loudly (an ALERT in the log), not refused: the transfer happened.
     */
    public void checkNominalValue(int shares, BigDecimal amount) {
        if (shares > 0 && Money.times(capital.nominalValue(), shares).compareTo(amount) != 0) {
            log.error(
                    "ALERT allmende.capital.nominal-value {} disagrees with membership's statutes: {} shares were"
                            + " transferred at {} EUR",
                    capital.nominalValue(),
                    shares,
                    amount);
        }
    }

    /** Membership recorded billing's allocation as paid-in capital (from its CapitalPaymentRecorded). */
    public void acknowledged(long allocationId, BigDecimal amount, java.sql.Timestamp at) {
        jdbc.update(
                "insert into capital_acknowledged (allocation_id, amount, recorded_at) values (?, ?, ?)"
                        + " on conflict do nothing",
                allocationId,
                amount,
                at);
    }
}
