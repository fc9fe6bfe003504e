package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.allmende.support.web.InvalidField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankAccountsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "DE89 3704 0044 0532 0130 00, DE89370400440532013000",
        "de12500105170648489890, DE12500105170648489890",
        "AT611904300234573201, AT611904300234573201"
    })
    void aValidIbanIsKeptCompact(String iban, String compact) {
        assertThat(BankAccounts.iban("iban", iban)).isEqualTo(compact);
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
        "DE13500105170648489890, iban-check-digits",
        "DE1250010517064848989, iban-format",
        "XX12500105170648489890, iban-country",
        "DE12-5001-0517, iban-format"
    })
    void aWrongIbanNamesTheRule(String iban, String rule) {
        assertThatThrownBy(() -> BankAccounts.iban("iban", iban)).isInstanceOfSatisfying(InvalidField.class, e -> {
            assertThat(e.field()).isEqualTo("iban");
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "DE98ZZZ09999999999, true",
        "DE79ZZZ01234567890, true",
        "DE97ZZZ09999999999, false",
        "DE98ZZZ0999999999X, false",
        "DE98, false"
    })
    void creditorIdentifiersHaveCheckDigits(String creditorId, boolean valid) {
        assertThat(BankAccounts.creditorIdValid(creditorId)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"MANDAT-2026-0001, true", "'A B/C', true", "/MANDAT, false", "A//B, false", "MANDAT_1, false"})
    void mandateReferencesUseTheSepaCharacters(String reference, boolean valid) {
        if (valid) {
            assertThat(BankAccounts.reference("reference", reference)).isEqualTo(reference);
        } else {
            assertThatThrownBy(() -> BankAccounts.reference("reference", reference))
                    .isInstanceOf(InvalidField.class);
        }
    }
}
