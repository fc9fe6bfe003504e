package org.allmende.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MembershipEvent;
import org.allmende.events.membership.PostalAddress;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.usage.UsageRecorded;

/**
 * What the invoice run benchmark bills: a catalog of services priced by a mix of models, members of different
 * kinds and sizes subscribed to every service, and a month of daily usage of the metered ones. Deterministic: the
 * same options give the same facts. Most members joined before the month; every fiftieth joins in its middle, so
 * time-based prices and the membership fee are prorated for some.
 */
final class InvoiceRunWorkload {

    static final long FIRST_MEMBER = 100_001;
    static final String SENDING_SYSTEM = "bench-meters";
    static final LocalDate CATALOG_FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate JOINED = LocalDate.of(2025, 6, 1);

    /** The price models the benchmark uses, in the order services take them. */
    enum Model {
        FLAT_FEE,
        PER_SEAT,
        PER_UNIT,
        GRADUATED_TIERS,
        VOLUME_TIERS,
        PACKAGE,
        GOODS_PER_UNIT;

        boolean metered() {
            return this != FLAT_FEE && this != PER_SEAT;
        }
    }

    /** A service of the catalog with its price plan as {@code POST /api/tariffs} takes it. */
    record Service(String code, ServiceUnit unit, ServiceKind kind, Model model, Map<String, Object> tariff) {}

    private final YearMonth month;
    private final int members;
    private final List<Service> services;

    InvoiceRunWorkload(YearMonth month, int members, int serviceCount) {
        this.month = month;
        this.members = members;
        this.services = services(serviceCount, month.atDay(1).minusMonths(2));
    }

    List<Service> services() {
        return services;
    }

    YearMonth month() {
        return month;
    }

    int members() {
        return members;
    }

    long memberNumber(int i) {
        return FIRST_MEMBER + i;
    }

    /** Every fiftieth member joins in the middle of the month, the others long before. */
    LocalDate joinedOn(int i) {
        return i % 50 == 49 ? month.atDay(10 + i % 10) : JOINED;
    }

    private static List<Service> services(int count, LocalDate tariffsFrom) {
        var models = Model.values();
        var list = new ArrayList<Service>();
        for (int i = 0; i < count; i++) {
            var model = models[i % models.length];
            var round = i / models.length;
            var suffix = round == 0 ? "" : "-" + (round + 1);
            var step = BigDecimal.valueOf(round, 0);
            var tariff = new LinkedHashMap<String, Object>();
            String code;
            ServiceUnit unit;
            var kind = ServiceKind.SERVICE;
            Map<String, Object> priced =
                    switch (model) {
                        case FLAT_FEE -> {
                            code = "B-DC-RACK" + suffix;
                            unit = ServiceUnit.FLAT;
                            yield Map.of(
                                    "type", "FLAT_FEE", "amount", new BigDecimal("249.90").add(step), "per", "MONTH");
                        }
                        case PER_SEAT -> {
                            code = "B-RIS-TABLET" + suffix;
                            unit = ServiceUnit.DEVICE;
                            yield Map.of(
                                    "type",
                                    "PER_SEAT",
                                    "pricePerSeat",
                                    new BigDecimal("12.35").add(step),
                                    "per",
                                    "MONTH");
                        }
                        case PER_UNIT -> {
                            code = "B-PRINT-PAGES" + suffix;
                            unit = ServiceUnit.PAGE;
                            yield Map.of("type", "PER_UNIT", "unitPrice", new BigDecimal("0.0123"));
                        }
                        case GRADUATED_TIERS -> {
                            code = "B-DC-STORAGE" + suffix;
                            unit = ServiceUnit.GB_MONTH;
                            yield Map.of(
                                    "type",
                                    "GRADUATED_TIERS",
                                    "tiers",
                                    List.of(
                                            Map.of("upTo", 100, "unitPrice", new BigDecimal("0.35")),
                                            Map.of("upTo", 400, "unitPrice", new BigDecimal("0.215")),
                                            Map.of("unitPrice", new BigDecimal("0.1234"))));
                        }
                        case VOLUME_TIERS -> {
                            code = "B-SUPPORT-HOURS" + suffix;
                            unit = ServiceUnit.HOUR;
                            yield Map.of(
                                    "type",
                                    "VOLUME_TIERS",
                                    "tiers",
                                    List.of(
                                            Map.of("upTo", 10, "unitPrice", new BigDecimal("95.00")),
                                            Map.of("upTo", 25, "unitPrice", new BigDecimal("87.50")),
                                            Map.of("unitPrice", new BigDecimal("79.95"))));
                        }
                        case PACKAGE -> {
                            code = "B-PRINT-COLOR" + suffix;
                            unit = ServiceUnit.PAGE;
                            yield Map.of("type", "PACKAGE", "blockSize", 500, "blockPrice", new BigDecimal("29.00"));
                        }
                        case GOODS_PER_UNIT -> {
                            code = "B-CARTRIDGE" + suffix;
                            unit = ServiceUnit.PIECE;
                            kind = ServiceKind.GOODS;
                            yield Map.of("type", "PER_UNIT", "unitPrice", new BigDecimal("39.90"));
                        }
                    };
            tariff.put("serviceCode", code);
            tariff.put("effectiveFrom", tariffsFrom.toString());
            // services (not goods) alternate between eligible for the cost-sharing exemption and not
            tariff.put("costSharingEligible", kind == ServiceKind.SERVICE && i % 2 == 0);
            tariff.put("model", priced);
            list.add(new Service(code, unit, kind, model, tariff));
        }
        return List.copyOf(list);
    }

    /** The membership fee: yearly, by inhabitants for municipalities and districts, else by staff. */
    Map<String, Object> membershipFee() {
        return Map.of(
                "serviceCode",
                "MEMBERSHIP-FEE",
                "effectiveFrom",
                month.atDay(1).minusMonths(2).toString(),
                "model",
                Map.of(
                        "type",
                        "MEMBERSHIP_FEE",
                        "per",
                        "YEAR",
                        "referenceDay",
                        Map.of("day", "--12-31", "yearsBefore", 1),
                        "byInhabitants",
                        List.of(
                                Map.of("from", 0, "fee", new BigDecimal("1200")),
                                Map.of("from", 5000, "fee", new BigDecimal("2400")),
                                Map.of("from", 20000, "fee", new BigDecimal("4850")),
                                Map.of("from", 50000, "fee", new BigDecimal("9700"))),
                        "byStaff",
                        List.of(
                                Map.of("from", 0, "fee", new BigDecimal("600")),
                                Map.of("from", 50, "fee", new BigDecimal("1250")))));
    }

    /** The catalog, as membership publishes it. */
    List<MembershipEvent> catalog() {
        return services.stream()
                .map(s -> (MembershipEvent) new CatalogServiceDefined(
                        uuid("service:" + s.code()),
                        s.code(),
                        "Leistung " + s.code(),
                        s.unit(),
                        s.kind(),
                        CATALOG_FROM))
                .toList();
    }

    /** Each member's admission, then its subscriptions to every service from the day it joined. */
    void members(Consumer<MembershipEvent> send) {
        for (int i = 0; i < members; i++) {
            var number = memberNumber(i);
            var id = uuid("member-" + number);
            var municipal = i % 10 < 8;
            var inhabitants = municipal ? Long.valueOf(500 + (number * 7919) % 60_000) : null;
            send.accept(new MemberAdmitted(
                    id,
                    number,
                    uuid("application-" + number),
                    (municipal ? "Gemeinde " : "Zweckverband ") + number,
                    municipal ? (i % 10 == 7 ? BodyKind.DISTRICT : BodyKind.MUNICIPALITY) : BodyKind.PUBLIC_COMPANY,
                    new PostalAddress("Rathausplatz " + (i % 40 + 1), "34117", "Kassel", "DE"),
                    1 + i % 20,
                    joinedOn(i),
                    municipal ? "06611000" : null,
                    inhabitants,
                    municipal ? LocalDate.of(month.getYear() - 1, 12, 31) : null,
                    municipal ? null : Integer.valueOf(10 + i % 90),
                    "991-" + number + "-33"));
            for (var service : services) {
                var seats = service.model() == Model.PER_SEAT ? 1 + i % 40 : 1;
                send.accept(new ServiceSubscribed(id, number, service.code(), seats, joinedOn(i)));
            }
        }
    }

    /**
     * A month of usage: a record per member, metered service and working day (Monday to Friday) it was subscribed,
     * some days without (no support needed, no cartridge delivered). Answers how many records were given.
     */
    long usage(Consumer<UsageRecorded> send) {
        long records = 0;
        for (int i = 0; i < members; i++) {
            var number = memberNumber(i);
            for (var day = joinedOn(i).isAfter(month.atDay(1)) ? joinedOn(i) : month.atDay(1);
                    !day.isAfter(month.atEndOfMonth());
                    day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (int s = 0; s < services.size(); s++) {
                    var service = services.get(s);
                    var quantity = quantity(service.model(), i, s, day.getDayOfMonth());
                    if (quantity == 0) {
                        continue;
                    }
                    send.accept(new UsageRecorded(
                            SENDING_SYSTEM,
                            number + "-" + service.code() + "-" + day,
                            number,
                            service.code(),
                            BigDecimal.valueOf(quantity),
                            service.unit().name(),
                            day,
                            day,
                            null));
                    records++;
                }
            }
        }
        return records;
    }

    private static long quantity(Model model, int member, int service, int day) {
        var spread = (member * 31L + service * 17L + day * 13L) % 97;
        return switch (model) {
            case FLAT_FEE, PER_SEAT -> 0;
            case PER_UNIT -> 40 + spread * 3;
            case GRADUATED_TIERS -> 1 + spread % 40;
            case VOLUME_TIERS -> spread % 3 == 0 ? 1 + spread % 2 : 0;
            case PACKAGE -> 10 + spread;
            case GOODS_PER_UNIT -> spread % 9 == 0 ? 1 + spread % 3 : 0;
        };
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
