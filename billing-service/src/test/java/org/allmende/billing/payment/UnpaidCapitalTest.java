package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.allmende.billing.payment.UnpaidCapital.Portion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How much capital a run calls: the statutes' portion of the shares, less what is paid in or asked for already. */
class UnpaidCapitalTest {

    @ParameterizedTest(name = "{0} of {3} shares at {1} ({2} %), paid {4}, in flight {5}: {6}")
    @CsvSource({
        // portion,        nominal, first %, shares, paid in, in flight, to call
        "FIRST_INSTALMENT, 500.00,  10,      1,      0,       0,         50.00",
        "FIRST_INSTALMENT, 500.00,  10,      20,     0,       0,         1000.00",
        "FIRST_INSTALMENT, 500.00,  25,      3,      0,       0,         375.00",
        "FIRST_INSTALMENT, 333.33,  10,      3,      0,       0,         99.99",
        "FIRST_INSTALMENT, 500.00,  10,      4,      300.00,  0,         0.00",
        "FIRST_INSTALMENT, 500.00,  10,      4,      0,       200.00,    0.00",
        "FIRST_INSTALMENT, 500.00,  10,      4,      120.00,  0,         80.00",
        "FULL,             500.00,  10,      2,      0,       0,         1000.00",
        "FULL,             500.00,  10,      2,      0,       100.00,    900.00",
        "FULL,             500.00,  10,      2,      100.00,  900.00,    0.00",
        "FULL,             500.00,  10,      3,      1600.00, 0,         0.00",
        "FULL,             500.00,  10,      10,     2500.00, 1000.00,   1500.00",
        "FULL,             250.50,  10,      3,      0.25,    0,         751.25",
    })
    void callsThePortionNotPaidInNorCalledYet(
            Portion portion,
            BigDecimal nominal,
            BigDecimal firstPercent,
            int shares,
            BigDecimal paidIn,
            BigDecimal inFlight,
            BigDecimal expected) {
        var toCall = UnpaidCapital.toCall(portion, nominal, firstPercent, shares, paidIn, inFlight);

        assertThat(toCall).isEqualByComparingTo(expected);
        assertThat(toCall.scale()).isEqualTo(2);
    }
}
