package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class DunningPropertiesTest {

    private static DunningProperties.Level level(int days, String fee) {
        return new DunningProperties.Level(days, new BigDecimal(fee));
    }

    @Test
    void levelsFollowEachOtherByTheDaysBetweenThem() {
        var properties = new DunningProperties(List.of(level(14, "0"), level(28, "5"), level(42, "10")), null);

        assertThat(properties.daysAfterPrevious(1)).isZero();
        assertThat(properties.daysAfterPrevious(2)).isEqualTo(14);
        assertThat(properties.level(3).fee()).isEqualByComparingTo("10.00");
        assertThat(properties.feePaymentTerm()).isEqualTo(Period.ofDays(14));
    }

    @Test
    void levelsThatDoNotAscendOrFeesWithCentFractionsStopTheStart() {
        assertThatThrownBy(() -> new DunningProperties(List.of(level(14, "0"), level(14, "5")), null))
                .hasMessageContaining("levels[1].days-after-due");
        assertThatThrownBy(() -> level(14, "2.505")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> level(0, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> level(14, "-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
