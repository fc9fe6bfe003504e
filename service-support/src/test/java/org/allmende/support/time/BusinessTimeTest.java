package org.allmende.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessTimeTest {

    record Payment(@PastOrPresent LocalDate paidOn) {}

    /** 23:30 UTC on 25 November is 00:30 on 26 November in Berlin. */
    private static final Clock HALF_PAST_MIDNIGHT_IN_BERLIN =
            Clock.fixed(Instant.parse("2026-11-25T23:30:00Z"), ZoneOffset.UTC);

    private static Validator validatorOn(Clock clock) {
        var configuration = Validation.byDefaultProvider().configure();
        BusinessTime.forValidation(clock).customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }

    @Test
    void aPaymentOfTodayInBerlinIsNotInTheFutureWhileUtcIsStillOnTheDayBefore() {
        var validator = validatorOn(HALF_PAST_MIDNIGHT_IN_BERLIN);

        assertThat(validator.validate(new Payment(LocalDate.of(2026, 11, 26)))).isEmpty();
        assertThat(validator.validate(new Payment(LocalDate.of(2026, 11, 27))))
                .singleElement()
                .satisfies(violation ->
                        assertThat(violation.getPropertyPath().toString()).isEqualTo("paidOn"));
    }

    @Test
    void theInjectedClockDecidesNotTheMachinesClock() {
        var validator = validatorOn(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), BusinessTime.ZONE));

        assertThat(validator.validate(new Payment(LocalDate.of(2026, 3, 2)))).isEmpty();
        assertThat(validator.validate(new Payment(LocalDate.of(2026, 3, 3)))).hasSize(1);
    }
}
