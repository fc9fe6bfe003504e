package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.allmende.membership.catalog.EffectivePeriod;
import org.allmende.membership.catalog.ServiceCatalog;

/**
 * The services one member subscribes to, and the rules for changing them: the part of the {@link Member}
 * aggregate's state that is about subscriptions. The aggregate checks a command here, applies the event, and its
 * event-sourcing handlers record the event here.
 */
final class Subscriptions {

    /** One subscription: its days, the day of its latest dated change (start or quantity), its quantity now. */
    private record Subscription(EffectivePeriod period, LocalDate latestChange, int quantity) {}

    /** By service code: the latest subscription of each service (earlier ones ended before it began). */
    private final Map<String, Subscription> byCode = new HashMap<>();

    void requireCanSubscribe(String code, int quantity, LocalDate from, ServiceCatalog catalog) {
        requirePositive(quantity);
        if (!catalog.offers(code, from)) {
            throw SubscriptionRefused.notInCatalog(code, from);
        }
        var existing = byCode.get(code);
        if (existing != null && existing.period().overlaps(EffectivePeriod.startingOn(from))) {
            throw SubscriptionRefused.alreadySubscribed(code, existing.period());
        }
    }

    /** Returns false when the quantity is the same already: nothing to change. */
    boolean requireCanChangeQuantity(String code, int quantity, LocalDate from) {
        requirePositive(quantity);
        var subscription = byCode.get(code);
        if (subscription == null || !subscription.period().contains(from)) {
            throw SubscriptionRefused.notSubscribed(code, from);
        }
        requireNotBeforeLatestChange(code, subscription, from);
        return subscription.quantity() != quantity;
    }

    void requireCanCancel(String code, LocalDate lastDay) {
        var subscription = byCode.get(code);
        if (subscription == null || !subscription.period().isOpen()) {
            throw SubscriptionRefused.notSubscribed(code, lastDay);
        }
        requireNotBeforeLatestChange(code, subscription, lastDay);
    }

    /** A running subscription: its service, quantity, and the day of its latest dated change. */
    record Running(String serviceCode, int quantity, LocalDate latestChange) {}

    /** The subscriptions that run on {@code day} (started by then and not ended before it), by service code. */
    java.util.List<Running> runningOn(LocalDate day) {
        return byCode.entrySet().stream()
                .filter(e -> e.getValue().period().contains(day))
                .map(e -> new Running(
                        e.getKey(), e.getValue().quantity(), e.getValue().latestChange()))
                .sorted(java.util.Comparator.comparing(Running::serviceCode))
                .toList();
    }

    /** The running subscription of a service on {@code day}, if any. */
    java.util.Optional<Running> running(String code, LocalDate day) {
        return runningOn(day).stream().filter(r -> r.serviceCode().equals(code)).findFirst();
    }

    void record(ServiceSubscribed event) {
        byCode.put(
                event.serviceCode(),
                new Subscription(
                        EffectivePeriod.startingOn(event.effectiveFrom()), event.effectiveFrom(), event.quantity()));
    }

    void record(SubscriptionQuantityChanged event) {
        byCode.computeIfPresent(
                event.serviceCode(),
                (code, s) -> new Subscription(s.period(), event.effectiveFrom(), event.quantity()));
    }

    void record(SubscriptionCancelled event) {
        byCode.computeIfPresent(
                event.serviceCode(),
                (code, s) ->
                        new Subscription(s.period().endingOn(event.effectiveTo()), s.latestChange(), s.quantity()));
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw SubscriptionRefused.quantityNotPositive(quantity);
        }
    }

    private static void requireNotBeforeLatestChange(String code, Subscription subscription, LocalDate day) {
        if (day.isBefore(subscription.latestChange())) {
            throw SubscriptionRefused.beforeLatestChange(code, day, subscription.latestChange());
        }
    }
}
