package org.allmende.billing.contribution;

import java.time.LocalDate;

/**
 * A service was subscribed or used on a day no price plan covers. Nothing is billed for the member then: a
 * contribution that silently leaves out a service is worse than one that is late.
 */
public class TariffMissing extends IllegalStateException {

    private final String serviceCode;
    private final LocalDate day;

    public TariffMissing(String serviceCode, LocalDate day) {
        super("no price plan for " + serviceCode + " on " + day);
        this.serviceCode = serviceCode;
        this.day = day;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public LocalDate day() {
        return day;
    }
}
