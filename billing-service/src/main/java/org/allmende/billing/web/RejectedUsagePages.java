package org.allmende.billing.web;

import org.allmende.billing.ledger.UsageLedger;
import org.allmende.support.pages.PageController;
import org.allmende.support.security.CurrentUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance reviews the usage records billing rejected: checks one again (after a subscription or a price came in) or
 * dismisses it with a reason — the same {@link UsageLedger} as the API. An unknown or settled record is the 404 page.
 */
@PageController
class RejectedUsagePages {

    private final UsageLedger usage;

    RejectedUsagePages(UsageLedger usage) {
        this.usage = usage;
    }

    @GetMapping("/finance/rejected-usage")
    String rejected(Model model) {
        model.addAttribute("records", usage.rejected());
        return "billing/rejected-usage";
    }

    @PostMapping("/finance/rejected-usage/recheck")
    String recheck(@RequestParam String sendingSystem, @RequestParam String recordId, RedirectAttributes redirect) {
        var broken = usage.recheck(sendingSystem, recordId, CurrentUser.name());
        redirect.addFlashAttribute("rechecked", recordId);
        broken.ifPresent(rule -> redirect.addFlashAttribute("stillBroken", rule));
        return "redirect:/finance/rejected-usage";
    }

    @PostMapping("/finance/rejected-usage/dismissal")
    String dismiss(
            @RequestParam String sendingSystem,
            @RequestParam String recordId,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("reasonMissing", recordId);
            return "redirect:/finance/rejected-usage";
        }
        usage.dismiss(sendingSystem, recordId, CurrentUser.name(), reason.strip());
        redirect.addFlashAttribute("dismissed", recordId);
        return "redirect:/finance/rejected-usage";
    }
}
