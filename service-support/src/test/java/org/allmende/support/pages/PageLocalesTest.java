package org.allmende.support.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pages speak German or English: the first of the browser's languages they speak, else English. */
class PageLocalesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de-DE,de;q=0.9,en;q=0.8 | de",
                "en-GB,en;q=0.9          | en",
                "fr-FR,fr;q=0.9,de;q=0.5 | de",
                "en;q=0.3,de;q=0.7       | de",
                "fr-FR                   | en",
                "*                       | en",
                "not a language;q=x      | en",
                "                        | en"
            })
    void theBrowsersFirstSpokenLanguageWins(String acceptLanguage, String expected) {
        assertThat(PageLocales.fromBrowser(acceptLanguage).getLanguage()).isEqualTo(expected);
    }
}
