package org.allmende.billing.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.allmende.billing.tariff.PriceModel.GraduatedTiers;
import org.allmende.billing.tariff.PriceModel.MembershipFee;
import org.allmende.billing.tariff.PriceModel.MinimumCharge;
import org.allmende.billing.tariff.PriceModel.Package;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PriceModel.VolumeTiers;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What finance cannot configure, each refusal naming the field and the rule. */
class TariffRulesTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private static void refused(ThrowingCallable configuration, String field, String rule) {
        assertThatThrownBy(configuration).isInstanceOfSatisfying(InvalidTariff.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    private static PricePlan plan(String code, LocalDate from, LocalDate to, PriceModel model) {
        return new PricePlan(code, from, to, ServiceUnit.PAGE, ServiceKind.SERVICE, false, model);
    }

    @ParameterizedTest(name = "tiers {0}: {1} {2}")
    @CsvSource({
        "'',                    tiers,          required",
        "100@0.02,              tiers[0].upTo,  last-tier-unbounded",
        "@0.02|100@0.01,        tiers[0].upTo,  required",
        "100@0.02|100@0.01|@0,  tiers[1].upTo,  ascending",
        "100@0.02|50@0.01|@0,   tiers[1].upTo,  ascending",
        "0@0.02|@0.01,          upTo,           positive",
        "100@-0.02|@0.01,       unitPrice,      not-negative",
        "100@0.0000001|@0.01,   unitPrice,      at-most-6-decimals",
        "100@1e400|@0.01,       unitPrice,      at-most-12-digits",
        "1e13@0.02|@0.01,       upTo,           at-most-12-digits"
    })
    void tiersAscendAndEndUnbounded(String spec, String field, String rule) {
        refused(() -> new GraduatedTiers(tiers(spec)), field, rule);
        refused(() -> new VolumeTiers(tiers(spec)), field, rule);
    }

    private static List<Tier> tiers(String spec) {
        if (spec.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(spec.split("\\|"))
                .map(tier -> tier.split("@"))
                .map(parts -> parts[0].isEmpty() ? Tier.above(parts[1]) : Tier.upTo(parts[0], parts[1]))
                .toList();
    }

    @Test
    void aUnitPriceMayBeFinerThanACent() {
        assertThat(new PerUnit(new BigDecimal("0.012300")).unitPrice()).hasToString("0.0123");
    }

    @Test
    void aPackageHasBlocks() {
        refused(() -> new Package(BigDecimal.ZERO, BigDecimal.ONE), "blockSize", "positive");
    }

    @Test
    void aMinimumIsOnTopOfAServicePrice() {
        var perUnit = new PerUnit(BigDecimal.ONE);
        refused(
                () -> new MinimumCharge(
                        BigDecimal.TEN, Cadence.MONTH, new MinimumCharge(BigDecimal.ONE, Cadence.MONTH, perUnit)),
                "inner",
                "minimum-of-a-service-model");
        refused(() -> new MinimumCharge(BigDecimal.ZERO, Cadence.MONTH, perUnit), "minimum", "positive");
    }

    @Test
    void membershipBracketsStartAtZeroAndAscend() {
        refused(
                () -> new MembershipFee(
                        List.of(Bracket.from(1, "10")), List.of(), Cadence.YEAR, ReferenceDay.endOfPreviousYear()),
                "byInhabitants[0].from",
                "starts-at-zero");
        refused(
                () -> new MembershipFee(
                        List.of(),
                        List.of(Bracket.from(0, "10"), Bracket.from(0, "20")),
                        Cadence.YEAR,
                        ReferenceDay.endOfPreviousYear()),
                "byStaff[1].from",
                "ascending");
        refused(
                () -> new MembershipFee(List.of(), List.of(), Cadence.YEAR, ReferenceDay.endOfPreviousYear()),
                "byInhabitants",
                "brackets-required");
    }

    @Test
    void theMembershipFeeHasItsOwnCodeAndModel() {
        var fee = new MembershipFee(
                List.of(Bracket.from(0, "10")), List.of(), Cadence.YEAR, ReferenceDay.endOfPreviousYear());
        refused(() -> plan("PRINT-PAGES", JAN, null, fee), "model", "membership-fee-model");
        refused(
                () -> plan(PricePlan.MEMBERSHIP_FEE, JAN, null, new PerUnit(BigDecimal.ONE)),
                "model",
                "membership-fee-model");
    }

    @Test
    void plansOfOneServiceNeverOverlap() {
        var price = new PerUnit(BigDecimal.ONE);
        refused(
                () -> Tariffs.of(
                        plan("PRINT-PAGES", JAN, null, price), plan("PRINT-PAGES", JAN.plusMonths(2), null, price)),
                "effectiveFrom",
                "plans-overlap");
        refused(
                () -> Tariffs.of(
                        plan("PRINT-PAGES", JAN, JAN.plusMonths(2), price),
                        plan("PRINT-PAGES", JAN.plusMonths(2), null, price)),
                "effectiveFrom",
                "plans-overlap");
        refused(() -> plan("PRINT-PAGES", JAN, JAN.minusDays(1), price), "effectiveTo", "not-before-effective-from");
    }

    @Test
    void versionsRunUntilTheDayBeforeTheNextOne() {
        var price = new PerUnit(BigDecimal.ONE);
        var tariffs = Tariffs.fromVersions(List.of(
                plan("PRINT-PAGES", JAN.plusMonths(2).plusDays(14), null, price),
                plan("PRINT-PAGES", JAN, null, price)));

        assertThat(tariffs.plansFor("PRINT-PAGES"))
                .extracting(PricePlan::effectiveTo)
                .containsExactly(LocalDate.of(2026, 3, 14), null);
        assertThat(tariffs.planOn("PRINT-PAGES", LocalDate.of(2026, 3, 15))
                        .orElseThrow()
                        .effectiveFrom())
                .isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(tariffs.planOn("PRINT-PAGES", LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    void aNestedProblemNamesItsPath() {
        var problem = new InvalidTariff("tiers[1].upTo", "ascending", "x")
                .within("model")
                .within("[2]");

        assertThat(problem.field()).isEqualTo("[2].model.tiers[1].upTo");
    }
}
