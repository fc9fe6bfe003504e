package org.allmende.membership.member;

import java.time.LocalDate;
import org.allmende.membership.catalog.EffectivePeriod;
import org.allmende.support.web.RuleViolation;

/** A subscription command that breaks one of the rules of subscribing; {@link #rule()} names which. */
public class SubscriptionRefused extends RuleViolation {

    public static final String BEFORE_ADMISSION = "effective-date-before-admission";
    public static final String NOT_IN_CATALOG = "service-not-in-catalog";
    public static final String ALREADY_SUBSCRIBED = "service-already-subscribed";
    public static final String NOT_SUBSCRIBED = "service-not-subscribed";
    public static final String BEFORE_LATEST_CHANGE = "effective-date-before-latest-change";
    public static final String QUANTITY_NOT_POSITIVE = "quantity-not-positive";

    private SubscriptionRefused(String rule, String message) {
        super(rule, message);
    }

    static SubscriptionRefused beforeAdmission(long memberNumber, LocalDate day, LocalDate admittedOn) {
        return new SubscriptionRefused(
                BEFORE_ADMISSION, day + " lies before member " + memberNumber + " was admitted on " + admittedOn + ".");
    }

    static SubscriptionRefused notInCatalog(String code, LocalDate day) {
        return new SubscriptionRefused(NOT_IN_CATALOG, "The catalog offers no service " + code + " on " + day + ".");
    }

    static SubscriptionRefused alreadySubscribed(String code, EffectivePeriod period) {
        return new SubscriptionRefused(
                ALREADY_SUBSCRIBED, "The member already subscribes to " + code + " (" + period + ").");
    }

    static SubscriptionRefused notSubscribed(String code, LocalDate day) {
        return new SubscriptionRefused(
                NOT_SUBSCRIBED, "The member has no running subscription of " + code + " on " + day + ".");
    }

    static SubscriptionRefused beforeLatestChange(String code, LocalDate day, LocalDate latestChange) {
        return new SubscriptionRefused(
                BEFORE_LATEST_CHANGE,
                day + " lies before the latest change of the subscription of " + code + " on " + latestChange
                        + "; earlier periods are not rewritten.");
    }

    static SubscriptionRefused quantityNotPositive(int quantity) {
        return new SubscriptionRefused(QUANTITY_NOT_POSITIVE, "A quantity is at least 1, not " + quantity + ".");
    }
}
