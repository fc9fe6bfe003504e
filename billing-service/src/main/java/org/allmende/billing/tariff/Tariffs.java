package org.allmende.billing.tariff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** All price plans, by service code, each service's plans ordered by date and never overlapping. */
public final class Tariffs {

    private final Map<String, List<PricePlan>> byService;

    public Tariffs(List<PricePlan> plans) {
        var grouped = new TreeMap<String, List<PricePlan>>();
        for (var plan : plans) {
            grouped.computeIfAbsent(plan.serviceCode(), code -> new ArrayList<>())
                    .add(plan);
        }
        grouped.replaceAll((code, list) -> checkNoOverlap(list));
        this.byService = grouped;
    }

    public static Tariffs of(PricePlan... plans) {
        return new Tariffs(List.of(plans));
    }

    /**
     * Plans as successive versions, each from its own date until the day before the next version of the same
     * service (the way finance publishes them: a new price from a date on).
     */
    public static Tariffs fromVersions(List<PricePlan> versions) {
        var byService = versions.stream()
                .collect(Collectors.groupingBy(PricePlan::serviceCode, TreeMap::new, Collectors.toList()));
        var plans = new ArrayList<PricePlan>();
        for (var list : byService.values()) {
            var sorted = list.stream()
                    .sorted(Comparator.comparing(PricePlan::effectiveFrom))
                    .toList();
            for (int i = 0; i < sorted.size(); i++) {
                var plan = sorted.get(i);
                plans.add(
                        i + 1 < sorted.size()
                                ? plan.endingOn(
                                        sorted.get(i + 1).effectiveFrom().minusDays(1))
                                : plan);
            }
        }
        return new Tariffs(plans);
    }

    public List<PricePlan> plansFor(String serviceCode) {
        return byService.getOrDefault(serviceCode, List.of());
    }

    public Optional<PricePlan> planOn(String serviceCode, LocalDate day) {
        return plansFor(serviceCode).stream()
                .filter(plan -> plan.inEffectOn(day))
                .findFirst();
    }

    public List<PricePlan> all() {
        return byService.values().stream().flatMap(List::stream).toList();
    }

    private static List<PricePlan> checkNoOverlap(List<PricePlan> plans) {
        var sorted = plans.stream()
                .sorted(Comparator.comparing(PricePlan::effectiveFrom))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            var before = sorted.get(i - 1);
            var plan = sorted.get(i);
            if (before.effectiveTo() == null || !before.effectiveTo().isBefore(plan.effectiveFrom())) {
                throw new InvalidTariff(
                        "effectiveFrom",
                        "plans-overlap",
                        plan.serviceCode() + ": the plan from " + plan.effectiveFrom() + " overlaps the one from "
                                + before.effectiveFrom());
            }
        }
        return sorted;
    }
}
