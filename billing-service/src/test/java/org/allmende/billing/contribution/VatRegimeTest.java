package org.allmende.billing.contribution;

import static org.allmende.billing.contribution.Fixtures.LONG_AGO;
import static org.allmende.billing.contribution.Fixtures.MARCH_2026;
import static org.allmende.billing.contribution.Fixtures.amount;
import static org.allmende.billing.contribution.Fixtures.member;
import static org.allmende.billing.contribution.Fixtures.used;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.allmende.billing.contribution.BillingFacts.Member;
import org.allmende.billing.tariff.InvalidTariff;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VAT per line: 19 % by default; exempt as cost sharing (§4 Nr. 29 UStG) only for an eligible service to a member
 * configured for it; goods always taxed. Each line says why.
 */
class VatRegimeTest {

    @ParameterizedTest(name = "{0}, plan eligible {1}, member exempt {2}: {3} at {4} %")
    @CsvSource({
        "SERVICE, false, false, STANDARD,            19, 100.00, 19.00, 119.00, not eligible",
        "SERVICE, false, true,  STANDARD,            19, 100.00, 19.00, 119.00, not eligible",
        "SERVICE, true,  false, STANDARD,            19, 100.00, 19.00, 119.00, member not configured",
        "SERVICE, true,  true,  EXEMPT_COST_SHARING, 0,  100.00, 0.00,  100.00, §4 Nr. 29 UStG",
        "GOODS,   false, true,  GOODS,               19, 100.00, 19.00, 119.00, delivery of goods",
        "GOODS,   false, false, GOODS,               19, 100.00, 19.00, 119.00, delivery of goods"
    })
    void theRegimeFollowsTheKindThePlanAndTheMember(
            ServiceKind kind,
            boolean eligible,
            boolean memberExempt,
            VatRegime regime,
            String rate,
            String net,
            String vat,
            String gross,
            String reason) {
        var m = member();
        var member = new Member(m.number(), m.memberFrom(), null, memberExempt, m.inhabitants(), m.staff());
        var plan = new PricePlan("X", LONG_AGO, null, ServiceUnit.PIECE, kind, eligible, new PerUnit(amount("25")));
        var facts = BillingFacts.of(member).withUsage(List.of(used("X", "2026-03-10", "4")));

        var line = Contributions.calculate(facts, MARCH_2026, Tariffs.of(plan)).get(0);

        assertThat(line.vatRegime()).isEqualTo(regime);
        assertThat(line.vatRatePercent()).isEqualByComparingTo(rate);
        assertThat(line.net()).isEqualTo(amount(net));
        assertThat(line.vat()).isEqualTo(amount(vat));
        assertThat(line.gross()).isEqualTo(amount(gross));
        assertThat(line.vatReason()).contains(reason);
    }

    @Test
    void goodsCannotBeConfiguredForTheExemption() {
        assertThatThrownBy(() -> new PricePlan(
                        "PRINT-CARTRIDGE",
                        LONG_AGO,
                        null,
                        ServiceUnit.PIECE,
                        ServiceKind.GOODS,
                        true,
                        new PerUnit(amount("40"))))
                .isInstanceOfSatisfying(InvalidTariff.class, e -> {
                    assertThat(e.field()).isEqualTo("costSharingEligible");
                    assertThat(e.rule()).isEqualTo("goods-always-taxable");
                });
    }

    @Test
    void theMembershipFeeIsExemptLikeAnyEligibleService() {
        var m = member();
        var member = new Member(m.number(), m.memberFrom(), null, true, m.inhabitants(), m.staff());
        var plan = new PricePlan(
                PricePlan.MEMBERSHIP_FEE,
                LONG_AGO,
                null,
                ServiceUnit.FLAT,
                ServiceKind.SERVICE,
                true,
                MembershipFeeTest.fee(org.allmende.billing.tariff.ReferenceDay.endOfPreviousYear()));

        var line = Contributions.calculate(BillingFacts.of(member), MARCH_2026, Tariffs.of(plan))
                .get(0);

        assertThat(line.vatRegime()).isEqualTo(VatRegime.EXEMPT_COST_SHARING);
        assertThat(line.gross()).isEqualTo(line.net());
    }
}
