package org.allmende.membership.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a usage record keeps before it is taken, checked in memory against what membership knows. Billing
 * checks the same rules again (with the same names) for records that reach it by other ways; here they hold for
 * the whole period a record covers, not only its first day. Reversals are checked against the records taken
 * earlier, by {@link UsageIntake}.
 */
public final class UsageRules {

    /** Above 0 and below 10^9: a correction is a reversal record, never a negative quantity. */
    static final BigDecimal SANE_MAXIMUM = new BigDecimal("1000000000");

    /** Billing keeps quantities as numeric(18,4). */
    static final int MAXIMUM_DECIMALS = 4;

    private UsageRules() {}

    public static Optional<BrokenRule> brokenRule(SubmittedRecord record, MembershipFacts facts) {
        if (record.unreadable() != null) {
            return Optional.of(record.unreadable());
        }
        var quantity = record.quantity();
        if (quantity.signum() <= 0 || quantity.compareTo(SANE_MAXIMUM) >= 0) {
            return broken(
                    BrokenRule.QUANTITY_OUT_OF_BOUNDS,
                    "quantity " + quantity.toPlainString() + " is not above 0 and below 10^9"
                            + " (a correction is a reversal record, not a negative quantity)");
        }
        if (quantity.stripTrailingZeros().scale() > MAXIMUM_DECIMALS) {
            return broken(
                    BrokenRule.QUANTITY_SCALE,
                    "quantity " + quantity.toPlainString() + " has more than " + MAXIMUM_DECIMALS + " decimal places");
        }
        var from = record.usedFrom();
        var to = record.usedTo();
        if (to.isBefore(from)) {
            return broken(BrokenRule.PERIOD_REVERSED, "usedTo " + to + " lies before usedFrom " + from);
        }
        var code = record.serviceCode();
        if (!facts.knowsService(code)) {
            return broken(BrokenRule.UNKNOWN_SERVICE, "there is no service " + code + " in the catalog");
        }
        var member = record.memberNumber();
        if (!facts.memberThroughout(member, from, to)) {
            return broken(BrokenRule.MEMBER_NOT_ACTIVE, "member " + member + " was no active member" + days(from, to));
        }
        if (!facts.subscribedThroughout(member, code, from, to)) {
            return broken(
                    BrokenRule.NOT_SUBSCRIBED, "member " + member + " was not subscribed to " + code + days(from, to));
        }
        var units = facts.unitsThroughout(code, from, to);
        if (!units.equals(Set.of(record.unit()))) {
            return broken(
                    BrokenRule.WRONG_UNIT,
                    code + " is measured in " + (units.isEmpty() ? "nothing then" : String.join(" and ", units))
                            + ", not " + record.unit());
        }
        return Optional.empty();
    }

    private static String days(LocalDate from, LocalDate to) {
        return from.equals(to) ? " on " + from : " on every day from " + from + " to " + to;
    }

    private static Optional<BrokenRule> broken(String rule, String detail) {
        return Optional.of(new BrokenRule(rule, detail));
    }
}
