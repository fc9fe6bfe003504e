package org.allmende.support.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;

/** Business dates (admission, invoices, notice periods) are dates in Germany, whatever the server's zone. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private BusinessTime() {}

    public static Clock systemClock() {
        return Clock.system(ZONE);
    }

    /** Makes Bean Validation's temporal constraints read today's date from this clock, in Germany. */
    public static ValidationConfigurationCustomizer forValidation(Clock clock) {
        var berlin = clock.withZone(ZONE);
        return configuration -> configuration.clockProvider(() -> berlin);
    }
}
