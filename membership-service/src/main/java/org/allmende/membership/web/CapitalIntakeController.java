package org.allmende.membership.web;

import java.util.List;
import java.util.Map;
import org.allmende.membership.intake.BillingFacts;
import org.allmende.membership.register.Register;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What came from billing and could not be applied as it stands: for finance to sort out (ADR 0024). */
@RestController
class CapitalIntakeController {

    private final Register register;
    private final BillingFacts billingFacts;

    CapitalIntakeController(Register register, BillingFacts billingFacts) {
        this.register = register;
        this.billingFacts = billingFacts;
    }

    /** Capital payments the shares could not take (above the subscribed capital, after exit). */
    @GetMapping("/api/capital-payments/held")
    List<Map<String, Object>> held() {
        return register.heldCapital();
    }

    /** Records of allmende.billing.v1 that could not be applied, with the reason. */
    @GetMapping("/api/billing-intake/parked")
    List<Map<String, Object>> parked() {
        return billingFacts.parked();
    }
}
