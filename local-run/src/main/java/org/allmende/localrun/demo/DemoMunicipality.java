package org.allmende.localrun.demo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * A body of the demo cooperative as it applies for membership, with the figures its usage is made from. The names
 * are invented (no real town is billed for pages it never printed); the AGS and Leitweg-IDs are well-formed, the
 * latter with correct MOD 97-10 check digits, so the e-invoices of the demo validate.
 *
 * @param key stable part of every usage record id of this body: ids must not depend on the member number
 * @param paidShareFraction the part of the subscribed capital paid in on admission (1 = fully paid); the rest is
 *     called by finance's capital call
 * @param directDebit whether the body gave the cooperative a SEPA direct debit mandate (otherwise it pays by transfer)
 * @param printers how many printers of the cooperative's fleet stand in the town hall (the print subscription)
 * @param storageGb data center storage in January 2026, growing slowly
 */
public record DemoMunicipality(
        String key,
        String name,
        String bodyKind,
        String ags,
        String leitwegId,
        String street,
        String postalCode,
        String city,
        Long inhabitants,
        int staff,
        int councilSeats,
        int shares,
        BigDecimal paidShareFraction,
        boolean directDebit,
        int printers,
        int storageGb,
        String contactName,
        String contactEmail) {

    /** The Kreisstadt the member login {@code mitglied1} is bound to: admitted first, so member number 1. */
    public static final DemoMunicipality KREISSTADT = new DemoMunicipality(
            "eichenfeld",
            "Kreisstadt Eichenfeld",
            "MUNICIPALITY",
            "06634009",
            "066340090000-RECHNUNG-98",
            "Marktplatz 1",
            "34576",
            "Eichenfeld",
            41_230L,
            552,
            45,
            24,
            new BigDecimal("0.50"),
            true,
            38,
            4_200,
            "Jana Krüger",
            "it-leitung@eichenfeld.example");

    /** The small Gemeinde that gives notice in the demo. */
    public static final DemoMunicipality WIESENGRUND = new DemoMunicipality(
            "wiesengrund",
            "Gemeinde Wiesengrund",
            "MUNICIPALITY",
            "06634024",
            "066340240000-RECHNUNG-14",
            "Schulstraße 4",
            "34593",
            "Wiesengrund",
            3_180L,
            38,
            15,
            2,
            new BigDecimal("0.50"),
            false,
            4,
            260,
            "Thomas Becker",
            "verwaltung@wiesengrund.example");

    public static final DemoMunicipality MUEHLBACH = new DemoMunicipality(
            "muehlbach",
            "Stadt Mühlbach",
            "MUNICIPALITY",
            "06634015",
            "066340150000-RECHNUNG-45",
            "Rathausstraße 12",
            "34587",
            "Mühlbach",
            14_650L,
            171,
            31,
            6,
            new BigDecimal("0.25"),
            true,
            14,
            1_150,
            "Sabine Wolf",
            "edv@muehlbach.example");

    public static final DemoMunicipality BIRKENHAIN = new DemoMunicipality(
            "birkenhain",
            "Gemeinde Birkenhain",
            "MUNICIPALITY",
            "06634031",
            "066340310000-RECHNUNG-33",
            "Am Anger 2",
            "34599",
            "Birkenhain",
            7_420L,
            84,
            23,
            5,
            new BigDecimal("0.40"),
            true,
            8,
            540,
            "Michael Schäfer",
            "hauptamt@birkenhain.example");

    public static final DemoMunicipality LANDKREIS = new DemoMunicipality(
            "hohenfels",
            "Landkreis Hohenfels",
            "DISTRICT",
            "06634000",
            "066340000000-KREIS-26",
            "Kreishaus, Parkstraße 6",
            "34576",
            "Eichenfeld",
            181_900L,
            1_140,
            71,
            40,
            new BigDecimal("0.30"),
            true,
            64,
            9_800,
            "Dr. Katrin Hoffmann",
            "kreis-it@hohenfels.example");

    /** A Zweckverband has no inhabitants of its own: its seat's AGS, its staff only. */
    public static final DemoMunicipality ZWECKVERBAND = new DemoMunicipality(
            "zv-wasser",
            "Zweckverband Wasserversorgung Oberes Edertal",
            "MUNICIPAL_ASSOCIATION",
            "06634015",
            "066340150000-ZVWASSER-16",
            "Brunnenweg 9",
            "34587",
            "Mühlbach",
            null,
            46,
            9,
            2,
            new BigDecimal("0.50"),
            false,
            3,
            180,
            "Peter Neumann",
            "geschaeftsstelle@zv-oberes-edertal.example");

    /** The application that waits for the board in the demo. */
    public static final DemoMunicipality PENDING = new DemoMunicipality(
            "lindenhof",
            "Gemeinde Lindenhof",
            "MUNICIPALITY",
            "06634012",
            "066340120000-RECHNUNG-23",
            "Lindenplatz 3",
            "34590",
            "Lindenhof",
            5_940L,
            61,
            23,
            5,
            BigDecimal.ZERO,
            true,
            5,
            300,
            "Anna Richter",
            "buergermeisterin@lindenhof.example");

    /**
     * The account the body pays from: a well-formed German IBAN (MOD 97-10 check digits) at an invented account of
     * the Sparkasse the cooperative banks with, the account number made from the body's key.
     */
    public String iban() {
        var bban = "52050353" + String.format("%010d", Math.floorMod(key.hashCode(), 10_000_000_000L));
        var check =
                98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return String.format("DE%02d%s", check, bban);
    }

    /** The reference of the body's SEPA direct debit mandate, unique for the cooperative. */
    public String mandateReference() {
        return "DEMO-MANDAT-" + key.toUpperCase(Locale.ROOT);
    }

    public static final List<DemoMunicipality> ALL =
            List.of(KREISSTADT, MUEHLBACH, BIRKENHAIN, WIESENGRUND, LANDKREIS, ZWECKVERBAND);
}
