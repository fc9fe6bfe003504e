package org.allmende.membership.catalog;

import java.time.LocalDate;
import org.allmende.events.membership.ServiceUnit;

/**
 * One period of a subscription with one quantity, {@code effectiveFrom} to {@code effectiveTo} inclusive (null:
 * open); name and unit are the service's as of the period's start.
 */
public record SubscriptionView(
        String serviceCode,
        String serviceName,
        ServiceUnit unit,
        int quantity,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {}
