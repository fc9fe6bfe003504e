package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.allmende.billing.contribution.BillingFacts.Headcount;
import org.allmende.billing.contribution.BillingFacts.Member;
import org.allmende.billing.tariff.Bracket;
import org.allmende.billing.tariff.Days;
import org.allmende.billing.tariff.PriceModel.MembershipFee;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.billing.tariff.VatTreatment;

/**
 * The membership fee for the days of the period the member was a member, split where the fee's plan changes and
 * prorated like any time-based price. Days without a membership fee plan cost nothing: charging a fee at all is the
 * statutes' choice, unlike a service someone used.
 */
final class MembershipFees {

    private MembershipFees() {}

    static List<ContributionLine> lines(Member member, BillingPeriod period, Tariffs tariffs) {
        var lines = new ArrayList<ContributionLine>();
        var membership = Days.between(member.memberFrom(), member.memberUntil(), period.days());
        if (membership.isEmpty()) {
            return lines;
        }
        for (var plan : tariffs.plansFor(PricePlan.MEMBERSHIP_FEE)) {
            var segment = plan.daysWithin(membership.get());
            if (segment.isEmpty()) {
                continue;
            }
            var fee = (MembershipFee) plan.model();
            var referenceDate = fee.referenceDay().dateFor(period.first());
            var basis = basis(member, fee, referenceDate);
            var bracket = MembershipFee.bracketFor(basis.brackets, basis.figure.count());
            var share = Share.of(segment.get(), fee.per());
            lines.add(ContributionLine.priced(
                    LineType.MEMBERSHIP_FEE,
                    PricePlan.MEMBERSHIP_FEE,
                    "Membership fee: " + basis.figure.count() + " " + basis.name + " as of " + basis.figure.asOf()
                            + " (bracket from " + bracket.from() + "), "
                            + bracket.fee().toPlainString() + " EUR per "
                            + fee.per().name().toLowerCase(Locale.ROOT) + (share.isOne() ? "" : " × " + share),
                    segment.get(),
                    BigDecimal.ONE,
                    "FLAT",
                    bracket.fee(),
                    share,
                    VatTreatment.decide(plan, member.costSharingExempt())));
        }
        return lines;
    }

    private record Basis(String name, List<Bracket> brackets, Headcount figure) {}

    /**
     * Inhabitants where the fee has inhabitant brackets and the member an inhabitants figure (municipalities),
     * otherwise staff (associations and companies have no inhabitants).
     */
    private static Basis basis(Member member, MembershipFee fee, LocalDate referenceDate) {
        if (!fee.byInhabitants().isEmpty() && !member.inhabitants().isEmpty()) {
            return new Basis("inhabitants", fee.byInhabitants(), figureOn(member.inhabitants(), referenceDate));
        }
        if (!fee.byStaff().isEmpty() && !member.staff().isEmpty()) {
            return new Basis("staff", fee.byStaff(), figureOn(member.staff(), referenceDate));
        }
        throw new IllegalArgumentException(
                "member " + member.number() + " has no inhabitants or staff figure the membership fee could be set by");
    }

    /**
     * The latest figure as of the reference date; for a member that joined later and has no figure that old, its
     * earliest (the one it joined with).
     */
    static Headcount figureOn(List<Headcount> figures, LocalDate referenceDate) {
        Headcount found = figures.get(0);
        for (var figure : figures) {
            if (!figure.asOf().isAfter(referenceDate)) {
                found = figure;
            }
        }
        return found;
    }
}
