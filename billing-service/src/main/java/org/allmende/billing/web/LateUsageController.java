package org.allmende.billing.web;

import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.UsageLedger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage that arrived after its period was invoiced: corrections waiting for the next invoice run or in its draft
 * (finance); with {@code settled=true} also those an invoice corrected already.
 */
@RestController
class LateUsageController {

    private final UsageLedger usage;

    LateUsageController(UsageLedger usage) {
        this.usage = usage;
    }

    @GetMapping("/api/late-usage")
    List<UsageLedger.LateUsage> late(
            @RequestParam Optional<Long> member, @RequestParam(defaultValue = "false") boolean settled) {
        return usage.late(member, settled);
    }
}
