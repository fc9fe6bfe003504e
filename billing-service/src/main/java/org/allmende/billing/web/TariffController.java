package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
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
import org.allmende.support.web.Problems;
import org.allmende.support.web.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Price plans: finance publishes them from a date on, finance and the board read them. */
@RestController
class TariffController {

    /**
     * A new price for a service (or {@code MEMBERSHIP-FEE}) from {@code effectiveFrom} on; without
     * {@code costSharingEligible} the service is taxed (the safe side).
     */
    record PublishPricePlan(
            @NotBlank @Size(max = 40) String serviceCode,
            @NotNull LocalDate effectiveFrom,
            Boolean costSharingEligible,
            @NotNull PriceModelData model) {

        boolean eligible() {
            return Boolean.TRUE.equals(costSharingEligible);
        }
    }

    private final TariffLedger tariffs;
    private final CatalogLedger catalog;

    TariffController(TariffLedger tariffs, CatalogLedger catalog) {
        this.tariffs = tariffs;
        this.catalog = catalog;
    }

    @GetMapping("/api/tariffs")
    List<PricePlanView> versions(
            @RequestParam Optional<String> serviceCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        return tariffs.versions(serviceCode, on);
    }

    /**
     * 201 with the stored version; 400 naming the field and rule the plan breaks; 409 {@code service-not-in-catalog}
     * or {@code plan-not-after-previous}.
     */
    @PostMapping("/api/tariffs")
    ResponseEntity<PricePlanView> publish(@Valid @RequestBody PublishPricePlan request) {
        PriceModel model;
        try {
            model = request.model().toModel();
        } catch (InvalidTariff e) {
            throw e.within("model");
        }
        var code = request.serviceCode();
        var from = request.effectiveFrom();
        var plan = PricePlan.MEMBERSHIP_FEE.equals(code)
                ? new PricePlan(code, from, null, ServiceUnit.FLAT, ServiceKind.SERVICE, request.eligible(), model)
                : catalogPlan(code, from, request.eligible(), model);
        if (!tariffs.publish(plan, CurrentUser.name())) {
            throw new RuleViolation(
                    "plan-not-after-previous",
                    code + " has a price plan from " + from + " or later; a new price starts after the latest one.");
        }
        var stored = tariffs.versions(Optional.of(code), Optional.of(from)).get(0);
        var location = UriComponentsBuilder.fromPath("/api/tariffs")
                .queryParam("serviceCode", code)
                .queryParam("on", from)
                .build()
                .toUri();
        return ResponseEntity.created(location).body(stored);
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

    @ExceptionHandler(InvalidTariff.class)
    ProblemDetail invalid(InvalidTariff e) {
        return Problems.invalidInput(List.of(new Problems.FieldProblem(e.field(), e.rule(), e.getMessage())));
    }
}
