package org.allmende.billing.web;

import java.time.LocalDate;
import java.util.Optional;
import org.allmende.billing.ledger.CatalogLedger;
import org.allmende.billing.ledger.PricePlanView;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.billing.tariff.InvalidTariff;
import org.allmende.billing.tariff.PriceModel;
import org.allmende.billing.tariff.PriceModelData;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.RuleViolation;
import org.springframework.stereotype.Component;

/** Publishing a price plan, for the API and finance's tariffs page alike: one set of rules. */
@Component
class PricePlanPublishing {

    private final TariffLedger tariffs;
    private final CatalogLedger catalog;

    PricePlanPublishing(TariffLedger tariffs, CatalogLedger catalog) {
        this.tariffs = tariffs;
        this.catalog = catalog;
    }

    /**
     * The stored version; {@link InvalidTariff} naming the field under {@code model}, {@link RuleViolation}
     * {@code service-not-in-catalog} or {@code plan-not-after-previous}.
     */
    PricePlanView publish(String code, LocalDate from, boolean eligible, PriceModelData data) {
        PriceModel model;
        try {
            model = data.toModel();
        } catch (InvalidTariff e) {
            throw e.within("model");
        }
        var plan = PricePlan.MEMBERSHIP_FEE.equals(code)
                ? new PricePlan(code, from, null, ServiceUnit.FLAT, ServiceKind.SERVICE, eligible, model)
                : catalogPlan(code, from, eligible, model);
        if (!tariffs.publish(plan, CurrentUser.name())) {
            throw new RuleViolation(
                    "plan-not-after-previous",
                    code + " has a price plan from " + from + " or later; a new price starts after the latest one.");
        }
        return tariffs.versions(Optional.of(code), Optional.of(from)).get(0);
    }

    /** The catalog's unit and kind of the service on the plan's first day: a plan prices what the catalog offers. */
    private PricePlan catalogPlan(String code, LocalDate from, boolean eligible, PriceModel model) {
        var version = catalog.versions(Optional.of(from)).stream()
                .filter(v -> v.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new RuleViolation(
                        "service-not-in-catalog", "The catalog offers no service " + code + " on " + from + "."));
        return new PricePlan(
                code,
                from,
                null,
                ServiceUnit.valueOf(version.unit()),
                ServiceKind.valueOf(version.kind()),
                eligible,
                model);
    }
}
