package org.allmende.support.time;

import java.time.Clock;
import java.time.ZoneId;

/** Business dates (admission, invoices, notice periods) are dates in Germany, whatever the server's zone. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private BusinessTime() {}

    public static Clock systemClock() {
        return Clock.system(ZONE);
    }
}
