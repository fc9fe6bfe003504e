package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.PricePlanView;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.billing.tariff.InvalidTariff;
import org.allmende.billing.tariff.PriceModelData;
import org.allmende.support.web.Problems;
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
    private final PricePlanPublishing publishing;

    TariffController(TariffLedger tariffs, PricePlanPublishing publishing) {
        this.tariffs = tariffs;
        this.publishing = publishing;
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
        var stored =
                publishing.publish(request.serviceCode(), request.effectiveFrom(), request.eligible(), request.model());
        var location = UriComponentsBuilder.fromPath("/api/tariffs")
                .queryParam("serviceCode", stored.serviceCode())
                .queryParam("on", stored.effectiveFrom())
                .build()
                .toUri();
        return ResponseEntity.created(location).body(stored);
    }

    @ExceptionHandler(InvalidTariff.class)
    ProblemDetail invalid(InvalidTariff e) {
        return Problems.invalidInput(List.of(new Problems.FieldProblem(e.field(), e.rule(), e.getMessage())));
    }
}
