package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.events.money.Money;

/**
 * Everything known about one member that its contributions depend on, as plain values. Each kind of fact has a key;
 * the lists are kept sorted by it, and a fact given twice under one key counts once (the same fact delivered twice
 * is the same fact), so the order and repetition of the input never change the result. Two different facts under
 * one key are refused: which one is true is not the calculation's to guess.
 */
public record BillingFacts(
        Member member,
        List<Subscription> subscriptions,
        List<DailyUsage> usage,
        List<UsageCorrection> corrections,
        List<Credit> credits) {

    public BillingFacts {
        Objects.requireNonNull(member, "member");
        subscriptions = byKey(subscriptions, s -> s.serviceCode() + "|" + s.effectiveFrom(), "subscription");
        checkNoOverlap(subscriptions);
        usage = byKey(usage, DailyUsage::key, "usage of a day");
        for (var day : usage) {
            if (day.quantity().signum() < 0) {
                throw new IllegalArgumentException("a day's usage is not negative: " + day);
            }
        }
        corrections =
                byKey(corrections, c -> c.period().first() + "|" + c.period().kind(), "usage correction");
        credits = byKey(credits, Credit::reference, "credit");
    }

    public static BillingFacts of(Member member) {
        return new BillingFacts(member, List.of(), List.of(), List.of(), List.of());
    }

    public BillingFacts withSubscriptions(List<Subscription> subscriptions) {
        return new BillingFacts(member, subscriptions, usage, corrections, credits);
    }

    public BillingFacts withUsage(List<DailyUsage> usage) {
        return new BillingFacts(member, subscriptions, usage, corrections, credits);
    }

    public BillingFacts withCorrections(List<UsageCorrection> corrections) {
        return new BillingFacts(member, subscriptions, usage, corrections, credits);
    }

    public BillingFacts withCredits(List<Credit> credits) {
        return new BillingFacts(member, subscriptions, usage, corrections, credits);
    }

    /**
     * The member: a member from {@code memberFrom} (admission) to {@code memberUntil} (inclusive, null while the
     * membership runs); whether it is configured for the cost-sharing VAT exemption; its inhabitants and staff
     * figures, each as of a date.
     */
    public record Member(
            long number,
            LocalDate memberFrom,
            LocalDate memberUntil,
            boolean costSharingExempt,
            List<Headcount> inhabitants,
            List<Headcount> staff) {

        public Member {
            Objects.requireNonNull(memberFrom, "memberFrom");
            if (memberUntil != null && memberUntil.isBefore(memberFrom)) {
                throw new IllegalArgumentException("membership cannot end before it starts");
            }
            inhabitants = byKey(inhabitants, h -> h.asOf().toString(), "inhabitants figure");
            staff = byKey(staff, h -> h.asOf().toString(), "staff figure");
        }
    }

    /** A count (inhabitants or staff) as of a date. */
    public record Headcount(long count, LocalDate asOf) {
        public Headcount {
            Objects.requireNonNull(asOf, "asOf");
            if (count < 0) {
                throw new IllegalArgumentException("a headcount is not negative");
            }
        }
    }

    /** A subscription period with one quantity, both ends inclusive ({@code effectiveTo} null: open). */
    public record Subscription(String serviceCode, int quantity, LocalDate effectiveFrom, LocalDate effectiveTo) {
        public Subscription {
            Objects.requireNonNull(serviceCode, "serviceCode");
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            if (PricePlan.MEMBERSHIP_FEE.equals(serviceCode)) {
                throw new IllegalArgumentException(PricePlan.MEMBERSHIP_FEE + " is not a service to subscribe to");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("a subscription's quantity is at least 1");
            }
            if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                throw new IllegalArgumentException("a subscription cannot end before it starts");
            }
        }
    }

    /** The total a member used of a service on a day (after duplicates and reversals were taken out). */
    public record DailyUsage(String serviceCode, LocalDate day, BigDecimal quantity) {
        public DailyUsage {
            Objects.requireNonNull(serviceCode, "serviceCode");
            Objects.requireNonNull(day, "day");
            quantity = Quantities.canonical(Objects.requireNonNull(quantity, "quantity"));
        }

        String key() {
            return serviceCode + "|" + day;
        }
    }

    /**
     * Usage of an earlier, already invoiced period that changed after the invoice: the daily totals as they were
     * billed then, and the late changes per day since (negative where a reversal took usage back). It yields
     * CORRECTION lines: what the period costs now, less what was billed. {@code invoiceNumber} names the invoice
     * that billed the period (null where unknown); {@code records} are the late usage records the correction
     * carries, so whoever issues it can mark exactly those as settled — the calculation does not read them.
     */
    public record UsageCorrection(
            BillingPeriod period,
            String invoiceNumber,
            List<DailyUsage> billed,
            List<DailyUsage> late,
            List<UsageRecordKey> records) {

        public UsageCorrection(BillingPeriod period, List<DailyUsage> billed, List<DailyUsage> late) {
            this(period, null, billed, late, List.of());
        }

        public UsageCorrection {
            Objects.requireNonNull(period, "period");
            billed = byKey(billed, DailyUsage::key, "billed usage of a day");
            late = byKey(late, DailyUsage::key, "late usage of a day");
            records = byKey(records, UsageRecordKey::toString, "late usage record");
            for (var day : billed) {
                checkInPeriod(day, period);
                if (day.quantity().signum() < 0) {
                    throw new IllegalArgumentException("billed usage is not negative: " + day);
                }
            }
            for (var day : late) {
                checkInPeriod(day, period);
            }
        }

        private static void checkInPeriod(DailyUsage day, BillingPeriod period) {
            if (!period.days().contains(day.day())) {
                throw new IllegalArgumentException(day + " lies outside the corrected period " + period);
            }
        }
    }

    /** A usage record as its sender named it. */
    public record UsageRecordKey(String sendingSystem, String recordId) {
        public UsageRecordKey {
            Objects.requireNonNull(sendingSystem, "sendingSystem");
            Objects.requireNonNull(recordId, "recordId");
        }

        @Override
        public String toString() {
            return sendingSystem + "\u0000" + recordId;
        }
    }

    /**
     * An amount credited to the member for a service (a goodwill credit, a refund for an outage): it reduces that
     * service's charges and carries the VAT of the service's plan on {@code serviceDate}.
     */
    public record Credit(
            String reference, String serviceCode, LocalDate serviceDate, BigDecimal amount, String reason) {
        public Credit {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(serviceCode, "serviceCode");
            Objects.requireNonNull(serviceDate, "serviceDate");
            Objects.requireNonNull(reason, "reason");
            amount = Money.exact(Objects.requireNonNull(amount, "amount"));
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a credit is a positive amount");
            }
        }
    }

    private static <T> List<T> byKey(List<T> facts, Function<T, String> key, String what) {
        var sorted = new TreeMap<String, T>();
        for (var fact : facts == null ? List.<T>of() : facts) {
            var earlier = sorted.putIfAbsent(key.apply(fact), fact);
            if (earlier != null && !earlier.equals(fact)) {
                throw new IllegalArgumentException(
                        "two different facts for one " + what + ": " + earlier + " and " + fact);
            }
        }
        return List.copyOf(new ArrayList<>(sorted.values()));
    }

    private static void checkNoOverlap(List<Subscription> subscriptions) {
        var byService = new TreeMap<String, List<Subscription>>();
        subscriptions.forEach(s -> byService
                .computeIfAbsent(s.serviceCode(), code -> new ArrayList<>())
                .add(s));
        for (var periods : byService.values()) {
            periods.sort(Comparator.comparing(Subscription::effectiveFrom));
            for (int i = 1; i < periods.size(); i++) {
                var before = periods.get(i - 1);
                if (before.effectiveTo() == null
                        || !before.effectiveTo().isBefore(periods.get(i).effectiveFrom())) {
                    throw new IllegalArgumentException(
                            "overlapping subscription periods: " + before + " and " + periods.get(i));
                }
            }
        }
    }
}
