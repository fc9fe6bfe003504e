package org.allmende.localrun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Month;
import java.util.stream.Collectors;
import org.allmende.localrun.demo.DemoUsage.UsageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoUsageTest {

    private static final DemoMunicipality TOWN = DemoMunicipality.KREISSTADT;

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28"})
    void easterSundayIsComputedForAnyYear(int year, LocalDate easter) {
        assertThat(GermanHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2026-04-03, true", // Good Friday
        "2026-04-06, true", // Easter Monday
        "2026-06-04, true", // Corpus Christi, a holiday in Hessen
        "2026-10-03, true",
        "2026-10-05, false"
    })
    void holidaysOfHessenAreKnown(LocalDate day, boolean holiday) {
        assertThat(GermanHolidays.isHoliday(day)).isEqualTo(holiday);
    }

    @Test
    void nobodyPrintsOnWeekendsAndHolidays() {
        assertThat(DemoUsage.pages(TOWN, LocalDate.of(2026, 3, 7))).isZero(); // Saturday
        assertThat(DemoUsage.pages(TOWN, LocalDate.of(2026, 3, 8))).isZero(); // Sunday
        assertThat(DemoUsage.pages(TOWN, LocalDate.of(2026, 5, 1))).isZero(); // Friday, Labour Day
        assertThat(DemoUsage.pages(TOWN, LocalDate.of(2026, 3, 10))).isPositive();
    }

    @Test
    void aWeekdayPrintsMoreThanAFridayAndTheSummerLessThanTheSpring() {
        int tuesdays = 0;
        int fridays = 0;
        var day = LocalDate.of(2026, 2, 3);
        for (int week = 0; week < 8; week++, day = day.plusWeeks(1)) {
            tuesdays += DemoUsage.pages(TOWN, day);
            fridays += DemoUsage.pages(TOWN, day.plusDays(3));
        }
        assertThat(tuesdays).isGreaterThan(fridays * 13 / 10);
        // about 6.5 pages per member of staff on an ordinary Wednesday, give or take 15 %
        assertThat(DemoUsage.pages(TOWN, LocalDate.of(2026, 3, 11))).isBetween(3_000, 4_200);
        assertThat(DemoUsage.season(LocalDate.of(2026, 8, 5))).isLessThan(DemoUsage.season(LocalDate.of(2026, 5, 5)));
        assertThat(DemoUsage.season(LocalDate.of(2026, 12, 28))).isLessThan(DemoUsage.season(LocalDate.of(2026, 8, 5)));
    }

    @Test
    void theSameDaysGiveTheSameRecordsWheneverTheSeedRuns() {
        var year = DemoUsage.of(TOWN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31));
        var again = DemoUsage.of(TOWN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31));
        assertThat(again).isEqualTo(year);
        assertThat(year.stream().map(UsageRecord::recordId).distinct()).hasSameSizeAs(year);
        // a seed run in another month covers other months: every record of a shared month is the same, storage and
        // cartridges included
        var march = DemoUsage.of(TOWN, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(march).extracting(UsageRecord::serviceCode).contains("DC-HOSTING", "PRINT-CARTRIDGE", "RIS-TABLET");
        assertThat(year).containsAll(march);
        var fromMidMarch = DemoUsage.of(TOWN, LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 30));
        assertThat(year).containsAll(fromMidMarch);
    }

    @Test
    void storageIsReportedOncePerWholeMonthAndGrowsSlowly() {
        var storage = DemoUsage.of(TOWN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31)).stream()
                .filter(r -> r.serviceCode().equals("DC-HOSTING"))
                .toList();
        assertThat(storage).hasSize(10);
        assertThat(storage.get(0).usedFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(storage.get(0).usedTo()).isEqualTo(LocalDate.of(2026, 1, 31));
        var first = storage.get(0).quantity();
        var last = storage.get(9).quantity();
        assertThat(last).isGreaterThan(first);
        assertThat(last).isLessThan(first.multiply(new BigDecimal("1.15")));
    }

    @Test
    void cartridgesFollowThePagesAndSupportIsSporadic() {
        var year = DemoUsage.of(TOWN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31));
        var totals = year.stream()
                .collect(Collectors.groupingBy(
                        UsageRecord::serviceCode,
                        Collectors.reducing(BigDecimal.ZERO, UsageRecord::quantity, BigDecimal::add)));
        var cartridges = totals.get("PRINT-CARTRIDGE").intValue();
        // counted month by month: what a month leaves of a cartridge is not carried over
        var pages = totals.get("PRINT-PAGES").intValue();
        assertThat(cartridges)
                .isBetween(pages / DemoUsage.PAGES_PER_CARTRIDGE - 10, pages / DemoUsage.PAGES_PER_CARTRIDGE);
        var supportDays = year.stream()
                .filter(r -> r.serviceCode().equals("SUPPORT-HOURS"))
                .count();
        var printDays =
                year.stream().filter(r -> r.serviceCode().equals("PRINT-PAGES")).count();
        assertThat(supportDays).isPositive().isLessThan(printDays);
    }

    @Test
    void councilTabletsAreBusyInSessionMonthsAndQuietInTheSummerRecess() {
        var year = DemoUsage.of(TOWN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        var byMonth = year.stream()
                .filter(r -> r.serviceCode().equals("RIS-TABLET"))
                .collect(Collectors.groupingBy(
                        r -> r.usedFrom().getMonth(),
                        Collectors.reducing(BigDecimal.ZERO, UsageRecord::quantity, BigDecimal::add)));
        assertThat(byMonth.get(Month.AUGUST).multiply(BigDecimal.valueOf(3))).isLessThan(byMonth.get(Month.SEPTEMBER));
        assertThat(byMonth.get(Month.NOVEMBER)).isGreaterThan(byMonth.get(Month.AUGUST));
        assertThat(year.stream().filter(r -> r.serviceCode().equals("RIS-TABLET")))
                .allSatisfy(r -> assertThat(r.quantity().intValue()).isBetween(1, TOWN.councilSeats()));
        assertThat(DemoUsage.tablets(TOWN, LocalDate.of(2026, 3, 7))).isZero(); // Saturday
    }

    @Test
    void theBodiesPayFromWellFormedAccounts() {
        for (var body : DemoMunicipality.ALL) {
            var iban = body.iban();
            assertThat(iban).hasSize(22).startsWith("DE");
            var rearranged = iban.substring(4) + "1314" + iban.substring(2, 4);
            assertThat(new BigInteger(rearranged).mod(BigInteger.valueOf(97))).isEqualTo(BigInteger.ONE);
        }
        assertThat(DemoMunicipality.ALL.stream().map(DemoMunicipality::iban).distinct())
                .hasSameSizeAs(DemoMunicipality.ALL);
    }
}
