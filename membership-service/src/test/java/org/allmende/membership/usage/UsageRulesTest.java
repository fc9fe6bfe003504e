package org.allmende.membership.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules a usage record keeps, against facts fed as the projection would feed them. */
class UsageRulesTest {

    private static final MembershipFacts FACTS = new MembershipFacts();

    @BeforeAll
    static void facts() {
        var leaving = UUID.randomUUID();
        FACTS.admitted(leaving, 1, LocalDate.parse("2026-01-15"));
        FACTS.ends(leaving, LocalDate.parse("2026-12-31"));
        FACTS.ends(leaving, LocalDate.parse("2027-12-31")); // a later end changes nothing: the earliest holds
        FACTS.admitted(UUID.randomUUID(), 2, LocalDate.parse("2026-01-01"));
        FACTS.unit("PRINT-PAGES", LocalDate.parse("2026-01-01"), "PAGE");
        FACTS.unit("DC-HOSTING", LocalDate.parse("2026-01-01"), "GB_MONTH");
        FACTS.unit("DC-HOSTING", LocalDate.parse("2026-07-01"), "HOUR");
        FACTS.subscribed(1, "PRINT-PAGES", LocalDate.parse("2026-02-01"));
        FACTS.cancelled(1, "PRINT-PAGES", LocalDate.parse("2026-03-31"));
        FACTS.subscribed(1, "PRINT-PAGES", LocalDate.parse("2026-04-01")); // again the next day: no gap
        FACTS.subscribed(1, "PRINT-PAGES", LocalDate.parse("2026-04-01")); // a replayed event changes nothing
        FACTS.cancelled(1, "PRINT-PAGES", LocalDate.parse("2026-05-31"));
        FACTS.subscribed(1, "PRINT-PAGES", LocalDate.parse("2026-07-01")); // June not subscribed
        FACTS.subscribed(1, "DC-HOSTING", LocalDate.parse("2026-01-15"));
        FACTS.subscribed(2, "DC-HOSTING", LocalDate.parse("2026-01-01"));
    }

    private static SubmittedRecord record(
            long member, String code, String quantity, String unit, String from, String to) {
        return new SubmittedRecord(
                0,
                "druckflotte",
                "r-1",
                member,
                code,
                new BigDecimal(quantity),
                unit,
                LocalDate.parse(from),
                LocalDate.parse(to),
                null,
                null);
    }

    @ParameterizedTest(name = "member {0}, {1} {2} {3} from {4} to {5}: {6}")
    @CsvSource({
        "1, PRINT-PAGES, 120.5,       PAGE,     2026-03-01, 2026-03-31, kept",
        "1, PRINT-PAGES, 0.0001,      PAGE,     2026-03-10, 2026-03-10, kept",
        "1, PRINT-PAGES, 1.50000,     PAGE,     2026-03-10, 2026-03-10, kept", // trailing zeros are no decimals
        "1, PRINT-PAGES, 999999999.9, PAGE,     2026-03-10, 2026-03-10, kept",
        "1, PRINT-PAGES, 0,           PAGE,     2026-03-10, 2026-03-10, quantity-out-of-bounds",
        "1, PRINT-PAGES, -5,          PAGE,     2026-03-10, 2026-03-10, quantity-out-of-bounds",
        "1, PRINT-PAGES, 1000000000,  PAGE,     2026-03-10, 2026-03-10, quantity-out-of-bounds",
        "1, PRINT-PAGES, 1.00001,     PAGE,     2026-03-10, 2026-03-10, quantity-scale",
        "1, PRINT-PAGES, 5,           PAGE,     2026-03-10, 2026-03-09, period-reversed",
        "1, PRINTING,    5,           PAGE,     2026-03-10, 2026-03-10, unknown-service",
        "9, PRINT-PAGES, 5,           PAGE,     2026-03-10, 2026-03-10, member-not-active", // no such member
        "1, PRINT-PAGES, 5,           PAGE,     2026-01-14, 2026-01-14, member-not-active", // before admission
        "1, PRINT-PAGES, 5,           PAGE,     2026-12-31, 2026-12-31, kept", // the last day
        "1, PRINT-PAGES, 5,           PAGE,     2026-12-01, 2027-01-01, member-not-active", // a day after it
        "2, PRINT-PAGES, 5,           PAGE,     2026-03-10, 2026-03-10, not-subscribed",
        "1, PRINT-PAGES, 5,           PAGE,     2026-01-31, 2026-02-01, not-subscribed", // a day before
        "1, PRINT-PAGES, 5,           PAGE,     2026-03-15, 2026-04-15, kept", // across consecutive periods
        "1, PRINT-PAGES, 5,           PAGE,     2026-05-15, 2026-06-15, not-subscribed", // into a gap
        "1, PRINT-PAGES, 5,           PAGE,     2026-06-30, 2026-07-01, not-subscribed", // out of a gap
        "1, PRINT-PAGES, 5,           PAGE,     2026-07-01, 2026-09-30, kept", // open period
        "1, PRINT-PAGES, 5,           page,     2026-03-10, 2026-03-10, wrong-unit",
        "1, PRINT-PAGES, 5,           GB_MONTH, 2026-03-10, 2026-03-10, wrong-unit",
        "2, DC-HOSTING,  5,           GB_MONTH, 2026-06-30, 2026-06-30, kept",
        "2, DC-HOSTING,  5,           HOUR,     2026-07-01, 2026-07-31, kept", // the new version's unit
        "2, DC-HOSTING,  5,           GB_MONTH, 2026-06-15, 2026-07-15, wrong-unit", // the unit changed in it
    })
    void aRecordKeepsEveryRuleOrNamesTheFirstItBreaks(
            long member, String code, String quantity, String unit, String from, String to, String expected) {
        var broken = UsageRules.brokenRule(record(member, code, quantity, unit, from, to), FACTS);

        assertThat(broken.map(BrokenRule::rule).orElse("kept")).isEqualTo(expected);
        broken.ifPresent(b -> assertThat(b.detail()).isNotBlank());
    }
}
