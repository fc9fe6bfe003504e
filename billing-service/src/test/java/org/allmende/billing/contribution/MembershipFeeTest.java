package org.allmende.billing.contribution;

import static org.allmende.billing.contribution.Fixtures.LONG_AGO;
import static org.allmende.billing.contribution.Fixtures.day;
import static org.allmende.billing.contribution.Fixtures.priced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import org.allmende.billing.contribution.BillingFacts.Headcount;
import org.allmende.billing.contribution.BillingFacts.Member;
import org.allmende.billing.tariff.Bracket;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.PriceModel.MembershipFee;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.ReferenceDay;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The membership fee by brackets of inhabitants (or staff), counted as of the configured reference day. */
class MembershipFeeTest {

    static MembershipFee fee(ReferenceDay referenceDay) {
        return new MembershipFee(
                List.of(Bracket.from(0, "500"), Bracket.from(5_001, "1500"), Bracket.from(20_001, "3000")),
                List.of(Bracket.from(0, "200"), Bracket.from(100, "800"), Bracket.from(500, "2000")),
                Cadence.YEAR,
                referenceDay);
    }

    static Tariffs tariffs() {
        return tariffs(ReferenceDay.endOfPreviousYear());
    }

    static Tariffs tariffs(ReferenceDay referenceDay) {
        return Tariffs.of(new PricePlan(
                PricePlan.MEMBERSHIP_FEE,
                LONG_AGO,
                null,
                ServiceUnit.FLAT,
                ServiceKind.SERVICE,
                false,
                fee(referenceDay)));
    }

    /** "count@asOf;count@asOf" */
    private static List<Headcount> figures(String spec) {
        if (spec == null) {
            return List.of();
        }
        return Arrays.stream(spec.split(";"))
                .map(figure -> figure.split("@"))
                .map(parts -> new Headcount(Long.parseLong(parts[0]), day(parts[1])))
                .toList();
    }

    private static List<ContributionLine> yearly(String inhabitants, String staff, int year) {
        var member = new Member(7, LONG_AGO, null, false, figures(inhabitants), figures(staff));
        return Contributions.calculate(BillingFacts.of(member), BillingPeriod.year(year), tariffs());
    }

    @ParameterizedTest(name = "{0} inhabitants: {1}")
    @CsvSource({
        "0,      1@500=500.00",
        "5000,   1@500=500.00",
        "5001,   1@1500=1500.00",
        "20000,  1@1500=1500.00",
        "20001,  1@3000=3000.00",
        "41000,  1@3000=3000.00"
    })
    void inhabitantsChooseTheBracket(long inhabitants, String lines) {
        assertThat(priced(yearly(inhabitants + "@2025-12-31", "550@2025-12-31", 2026)))
                .isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0} staff and no inhabitants: {1}")
    @CsvSource({"99, 1@200=200.00", "100, 1@800=800.00", "550, 1@2000=2000.00"})
    void membersWithoutInhabitantsPayByStaff(long staff, String lines) {
        var result = yearly(null, staff + "@2025-12-31", 2026);

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(result.get(0).description()).contains(staff + " staff");
    }

    @ParameterizedTest(name = "figures {0}, billed {1}: {2}")
    @CsvSource({
        "4900@2024-12-31;5100@2025-12-31;30000@2026-06-30, 2026, 1@1500=1500.00",
        "4900@2024-12-31;5100@2025-12-31;30000@2026-06-30, 2027, 1@3000=3000.00",
        "4900@2024-12-31;5100@2025-12-31;30000@2026-06-30, 2025, 1@500=500.00",
        "30000@2026-03-01,                                 2026, 1@3000=3000.00"
    })
    void theFigureIsTheLatestAsOfTheReferenceDayOrTheFirstForAMemberWhoJoinedLater(
            String inhabitants, int year, String lines) {
        assertThat(priced(yearly(inhabitants, null, year))).isEqualTo(lines);
    }

    @Test
    void theReferenceDayIsConfigured() {
        var member = new Member(7, LONG_AGO, null, false, figures("4000@2025-06-30;6000@2025-12-31"), List.of());
        var midYear = tariffs(new ReferenceDay(MonthDay.of(6, 30), 1));

        var result = Contributions.calculate(BillingFacts.of(member), BillingPeriod.year(2026), midYear);

        assertThat(priced(result)).isEqualTo("1@500=500.00");
        assertThat(result.get(0).description()).contains("4000 inhabitants as of 2025-06-30");
    }

    @Test
    void aMonthlyInvoiceCarriesATwelfthOfTheYearlyFee() {
        var result = Contributions.calculate(BillingFacts.of(Fixtures.member()), Fixtures.MARCH_2026, tariffs());

        assertThat(priced(result)).isEqualTo("1@1500=125.00");
        assertThat(result.get(0).type()).isEqualTo(LineType.MEMBERSHIP_FEE);
    }

    @Test
    void aMemberWithoutFiguresCannotBeCharged() {
        var member = new Member(7, LONG_AGO, null, false, List.of(), List.of());

        assertThatThrownBy(() -> Contributions.calculate(BillingFacts.of(member), BillingPeriod.year(2026), tariffs()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no inhabitants or staff figure");
    }

    @Test
    void withoutAMembershipFeePlanNoFeeIsCharged() {
        assertThat(Contributions.calculate(BillingFacts.of(Fixtures.member()), Fixtures.MARCH_2026, Tariffs.of()))
                .isEmpty();
    }
}
