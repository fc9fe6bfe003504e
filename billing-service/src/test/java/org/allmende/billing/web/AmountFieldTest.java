package org.allmende.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountFieldTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "119,00|119.00",
                "119.00|119.00",
                "1.234,50|1234.50",
                "1,234.50|1234.50",
                "1234.5|1234.5",
                " 50 |50",
                "50,5 EUR|50.5",
                "1.234|1.234",
                "-5|-5"
            })
    void anAmountIsReadTheWayItWasTyped(String typed, String amount) {
        assertThat(AmountField.parse(typed))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(new BigDecimal(amount)));
    }

    @ParameterizedTest(name = "''{0}'' is no amount")
    @ValueSource(strings = {"", "abc", "1,2,3", "1.2.3,4.5", "12€"})
    void textThatIsNoAmountIsEmpty(String typed) {
        assertThat(AmountField.parse(typed)).isEmpty();
    }
}
