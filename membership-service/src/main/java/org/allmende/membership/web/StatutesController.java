package org.allmende.membership.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.math.BigDecimal;
import java.util.List;
import org.allmende.membership.statutes.Statutes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an applicant must know before signing (§15a GenG): the statutes' version and the payment obligation. */
@RestController
class StatutesController {

    record StatutesView(
            String version,
            BigDecimal shareNominalValue,
            int minimumShares,
            List<Statutes.Bracket> minimumSharesByInhabitants,
            int maximumShares,
            String paymentObligation) {}

    private final Statutes statutes;

    StatutesController(Statutes statutes) {
        this.statutes = statutes;
    }

    @GetMapping("/api/statutes")
    @SecurityRequirements // public: an applicant reads them before applying
    StatutesView current() {
        var shares = statutes.shares();
        return new StatutesView(
                statutes.version(),
                shares.nominalValue(),
                shares.minimum(),
                shares.byInhabitants(),
                shares.maximum(),
                "Each member pays in every share it takes, at " + shares.nominalValue()
                        + " EUR per share, as the statutes require (§7 GenG); members are not liable beyond their"
                        + " shares.");
    }
}
