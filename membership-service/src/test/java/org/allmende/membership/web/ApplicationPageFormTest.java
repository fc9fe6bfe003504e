package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rule the API form breaks is shown at the field the applicant typed it in. */
class ApplicationPageFormTest {

    @ParameterizedTest
    @CsvSource({
        "applicantName,                            applicantName",
        "address.postalCode,                       postalCode",
        "contactPersons,                           contactName",
        "contactPersons[0].email,                  contactEmail",
        "requestedServices[0].<list element>,      requestedServices",
        "ags,                                      ags"
    })
    void eachApiFieldHasItsPlaceOnThePage(String apiField, String pageField) {
        assertThat(ApplicationPageForm.pageField(apiField)).isEqualTo(pageField);
    }
}
