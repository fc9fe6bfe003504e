package org.allmende.billing.payment;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code allmende.capital}: what billing needs of the statutes to call capital (§7 Nr. 1 GenG): the nominal value of
 * a share (the same as membership's {@code allmende.statutes.shares.nominal-value}) and the part of each share due on
 * admission (at least a tenth: {@code first-instalment-percent} 10 to 100). Checked at start.
 */
@ConfigurationProperties("allmende.capital")
public record CapitalProperties(BigDecimal nominalValue, BigDecimal firstInstalmentPercent) {

    private static final BigDecimal TENTH = BigDecimal.TEN;
    private static final BigDecimal ALL = BigDecimal.valueOf(100);

    public CapitalProperties {
        if (nominalValue == null
                || nominalValue.signum() <= 0
                || nominalValue.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("allmende.capital.nominal-value must be a positive amount in cents");
        }
        if (firstInstalmentPercent == null) {
            firstInstalmentPercent = TENTH;
        }
        if (firstInstalmentPercent.compareTo(TENTH) < 0 || firstInstalmentPercent.compareTo(ALL) > 0) {
            throw new IllegalArgumentException(
                    "allmende.capital.first-instalment-percent must be 10 to 100: §7 Nr. 1 GenG asks at least a tenth");
        }
    }
}
