package org.allmende.billing.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;
import java.util.stream.Stream;
import org.allmende.billing.tariff.PriceModel.FlatFee;
import org.allmende.billing.tariff.PriceModel.GraduatedTiers;
import org.allmende.billing.tariff.PriceModel.MembershipFee;
import org.allmende.billing.tariff.PriceModel.MinimumCharge;
import org.allmende.billing.tariff.PriceModel.Package;
import org.allmende.billing.tariff.PriceModel.PerSeat;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PriceModel.VolumeTiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every model survives the way to JSON (REST, database) and back unchanged, with only its own fields. */
class PriceModelDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<PriceModel> models() {
        var tiers = List.of(Tier.upTo("1000", "0.02"), Tier.upTo("5000", "0.015"), Tier.above("0.0123"));
        return Stream.of(
                new FlatFee(new BigDecimal("120.00"), Cadence.MONTH),
                new PerSeat(new BigDecimal("9.99"), Cadence.YEAR),
                new PerUnit(new BigDecimal("0.0123")),
                new GraduatedTiers(tiers),
                new VolumeTiers(tiers),
                new Package(new BigDecimal("500"), new BigDecimal("7.50")),
                new MinimumCharge(new BigDecimal("30"), Cadence.QUARTER, new GraduatedTiers(tiers)),
                new MembershipFee(
                        List.of(Bracket.from(0, "500"), Bracket.from(5001, "1500")),
                        List.of(),
                        Cadence.YEAR,
                        new ReferenceDay(MonthDay.of(6, 30), 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aModelReadsBackAsItWasWritten(PriceModel model) {
        var json = JSON.writeValueAsString(PriceModelData.of(model));

        assertThat(JSON.readValue(json, PriceModelData.class).toModel()).isEqualTo(model);
        assertThat(JSON.readTree(json).propertyNames())
                .allSatisfy(field -> assertThat(field)
                        .isIn(List.of(
                                "type",
                                "amount",
                                "pricePerSeat",
                                "unitPrice",
                                "tiers",
                                "blockSize",
                                "blockPrice",
                                "minimum",
                                "per",
                                "inner",
                                "byInhabitants",
                                "byStaff",
                                "referenceDay")))
                .doesNotContain("byStaff");
    }
}
