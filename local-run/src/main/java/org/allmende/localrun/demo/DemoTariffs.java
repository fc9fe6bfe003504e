package org.allmende.localrun.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo's price for each service of the seeded catalog, as finance would publish it ({@code POST /api/tariffs}):
 * flat fees for the network and IT security, a price per council tablet, graduated prices for pages, volume tiers
 * for storage, cartridges and support hours per unit; and the membership fee by the body's size. Every service but
 * the goods may be exempt as cost sharing.
 */
final class DemoTariffs {

    private DemoTariffs() {}

    /** The price model of the service as the tariff API takes it, or null for a service the demo does not know. */
    static Map<String, Object> model(String serviceCode) {
        return switch (serviceCode) {
            case "DC-HOSTING" ->
                Map.of(
                        "type",
                        "VOLUME_TIERS",
                        "tiers",
                        List.of(Map.of("upTo", 1000, "unitPrice", "0.38"), Map.of("unitPrice", "0.26")));
            case "ADMIN-NET" -> Map.of("type", "FLAT_FEE", "amount", "420.00", "per", "MONTH");
            case "IT-SECURITY" -> Map.of("type", "FLAT_FEE", "amount", "310.00", "per", "MONTH");
            case "RIS-TABLET" -> Map.of("type", "PER_SEAT", "pricePerSeat", "18.50", "per", "MONTH");
            case "PRINT-PAGES" ->
                Map.of(
                        "type",
                        "GRADUATED_TIERS",
                        "tiers",
                        List.of(
                                Map.of("upTo", 20000, "unitPrice", "0.021"),
                                Map.of("upTo", 100000, "unitPrice", "0.016"),
                                Map.of("unitPrice", "0.012")));
            case "PRINT-CARTRIDGE" -> Map.of("type", "PER_UNIT", "unitPrice", "89.00");
            case "SUPPORT-HOURS" -> Map.of("type", "PER_UNIT", "unitPrice", "78.00");
            default -> null;
        };
    }

    /**
     * The membership fee as the statutes set it: a yearly amount by brackets of inhabitants (municipalities and
     * districts), by staff for a body without inhabitants of its own (a Zweckverband), counted as of the end of the
     * year before; billed with each month's invoice for the month's days.
     */
    static Map<String, Object> membershipFee() {
        return Map.of(
                "type",
                "MEMBERSHIP_FEE",
                "per",
                "YEAR",
                "referenceDay",
                Map.of("day", "--12-31", "yearsBefore", 1),
                "byInhabitants",
                List.of(
                        bracket(0, "900.00"),
                        bracket(5_000, "1800.00"),
                        bracket(10_000, "3600.00"),
                        bracket(25_000, "6000.00"),
                        bracket(50_000, "9600.00"),
                        bracket(100_000, "15000.00")),
                "byStaff",
                List.of(bracket(0, "480.00"), bracket(50, "960.00"), bracket(200, "1920.00"), bracket(500, "3600.00")));
    }

    private static Map<String, Object> bracket(long from, String fee) {
        return Map.of("from", from, "fee", fee);
    }

    /** Goods stay taxable (§4 Nr. 29 UStG covers services only). */
    static boolean costSharingEligible(String serviceCode) {
        return !"PRINT-CARTRIDGE".equals(serviceCode);
    }
}
