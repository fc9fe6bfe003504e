package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.allmende.events.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dunning levels of the statutes or finance's rules ({@code allmende.dunning.*}): level i+1 is reached
 * {@code levels[i].days-after-due} days after the item was due, and not sooner than the days between the two levels
 * after the previous notice; its {@code fee} (0 for none) is charged as an item of its own, due
 * {@code fee-payment-term} after the notice. Checked at start: days strictly ascending, fees with two decimals.
 */
@ConfigurationProperties("allmende.dunning")
public record DunningProperties(List<Level> levels, Period feePaymentTerm) {

    /** One level: how many days after the due date, and its fee. */
    public record Level(int daysAfterDue, BigDecimal fee) {
        public Level {
            if (daysAfterDue < 1) {
                throw new IllegalArgumentException("allmende.dunning.levels[].days-after-due must be positive");
            }
            fee = fee == null ? Money.ZERO : fee;
            if (fee.signum() < 0) {
                throw new IllegalArgumentException("allmende.dunning.levels[].fee must not be negative");
            }
            fee = Money.exact(fee);
        }
    }

    public DunningProperties {
        levels = levels == null ? List.of() : List.copyOf(levels);
        for (var i = 1; i < levels.size(); i++) {
            if (levels.get(i).daysAfterDue() <= levels.get(i - 1).daysAfterDue()) {
                throw new IllegalArgumentException(
                        "allmende.dunning.levels[" + i + "].days-after-due must be more than the level before's");
            }
        }
        feePaymentTerm = feePaymentTerm == null ? Period.ofDays(14) : feePaymentTerm;
        if (feePaymentTerm.isNegative()) {
            throw new IllegalArgumentException("allmende.dunning.fee-payment-term must not be negative");
        }
    }

    /** The configuration of {@code level} (1-based). */
    Level level(int level) {
        return levels.get(level - 1);
    }

    /** The days that must pass between the previous notice and this level's (1-based; level 1: none). */
    int daysAfterPrevious(int level) {
        return level == 1 ? 0 : level(level).daysAfterDue() - level(level - 1).daysAfterDue();
    }
}
