package org.allmende.membership.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What usage is checked against, in memory: each member's membership (admitted on, last day), each member's
 * subscription periods per service, and each service's unit per catalog version. Written by one thread (the
 * projection), read by many (the requests): every value is immutable and replaced whole. Every change is
 * idempotent, so a batch of events applied twice (a retry) leaves the same facts.
 */
public final class MembershipFacts {

    /** Days are inclusive; {@code lastDay} null while no end is known. */
    record Membership(LocalDate admittedOn, LocalDate lastDay) {}

    /** A subscription period, inclusive on both ends; {@code to} null while open. */
    record Period(LocalDate from, LocalDate to) {}

    private record Subscription(long memberNumber, String serviceCode) {}

    private final Map<UUID, Long> memberNumbers = new ConcurrentHashMap<>();
    private final Map<Long, Membership> memberships = new ConcurrentHashMap<>();
    private final Map<Subscription, List<Period>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<LocalDate, String>> units = new ConcurrentHashMap<>();

    void admitted(UUID memberId, long memberNumber, LocalDate admittedOn) {
        memberNumbers.put(memberId, memberNumber);
        memberships.putIfAbsent(memberNumber, new Membership(admittedOn, null));
    }

    /** The membership ends after {@code lastDay}: by notice, exclusion, merger or exit; the earliest date holds. */
    void ends(UUID memberId, LocalDate lastDay) {
        var number = memberNumbers.get(memberId);
        if (number == null) {
            return;
        }
        memberships.computeIfPresent(
                number,
                (n, membership) ->
                        membership.lastDay() != null && !membership.lastDay().isAfter(lastDay)
                                ? membership
                                : new Membership(membership.admittedOn(), lastDay));
    }

    void subscribed(long memberNumber, String serviceCode, LocalDate from) {
        subscriptions.compute(new Subscription(memberNumber, serviceCode), (key, periods) -> {
            var changed = periods == null ? new ArrayList<Period>() : new ArrayList<>(periods);
            if (changed.stream().noneMatch(p -> p.from().equals(from))) {
                changed.add(new Period(from, null));
                changed.sort(Comparator.comparing(Period::from));
            }
            return List.copyOf(changed);
        });
    }

    /** Ends the open period that began on or before {@code lastDay}; done already, it changes nothing. */
    void cancelled(long memberNumber, String serviceCode, LocalDate lastDay) {
        subscriptions.computeIfPresent(new Subscription(memberNumber, serviceCode), (key, periods) -> periods.stream()
                .map(p -> p.to() == null && !p.from().isAfter(lastDay) ? new Period(p.from(), lastDay) : p)
                .toList());
    }

    /** A catalog version: from {@code from} on the service is counted in {@code unit}. */
    void unit(String serviceCode, LocalDate from, String unit) {
        units.compute(serviceCode, (code, versions) -> {
            var changed = versions == null ? new TreeMap<LocalDate, String>() : new TreeMap<>(versions);
            changed.put(from, unit);
            return Collections.unmodifiableNavigableMap(changed);
        });
    }

    void forgetAll() {
        memberNumbers.clear();
        memberships.clear();
        subscriptions.clear();
        units.clear();
    }

    public boolean knowsService(String serviceCode) {
        return units.containsKey(serviceCode);
    }

    /** Whether the member was a member on every day from {@code from} to {@code to}. */
    public boolean memberThroughout(long memberNumber, LocalDate from, LocalDate to) {
        var membership = memberships.get(memberNumber);
        return membership != null
                && !membership.admittedOn().isAfter(from)
                && (membership.lastDay() == null || !membership.lastDay().isBefore(to));
    }

    /** Whether the member was subscribed to the service on every day from {@code from} to {@code to}. */
    public boolean subscribedThroughout(long memberNumber, String serviceCode, LocalDate from, LocalDate to) {
        var periods = subscriptions.get(new Subscription(memberNumber, serviceCode));
        return periods != null && covers(periods, from, to);
    }

    /** Consecutive periods (ended on one day, begun again the next) cover the days of both. */
    static boolean covers(List<Period> periods, LocalDate from, LocalDate to) {
        var day = from;
        var progress = true;
        while (progress) {
            progress = false;
            for (var period : periods) {
                if (!period.from().isAfter(day)
                        && (period.to() == null || !period.to().isBefore(day))) {
                    if (period.to() == null || !period.to().isBefore(to)) {
                        return true;
                    }
                    day = period.to().plusDays(1);
                    progress = true;
                }
            }
        }
        return false;
    }

    /** The units the service is counted in on the days from {@code from} to {@code to}; empty if not offered then. */
    public Set<String> unitsThroughout(String serviceCode, LocalDate from, LocalDate to) {
        var versions = units.get(serviceCode);
        var found = new TreeSet<String>();
        if (versions == null) {
            return found;
        }
        var first = versions.floorEntry(from);
        if (first == null) {
            return found;
        }
        found.add(first.getValue());
        found.addAll(versions.subMap(from, false, to, true).values());
        return found;
    }
}
