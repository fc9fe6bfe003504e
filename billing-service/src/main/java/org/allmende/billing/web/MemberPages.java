package org.allmende.billing.web;

import java.util.List;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.support.pages.Navigation;
import org.allmende.support.pages.PageController;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Billing's first pages: a member's own membership as billing knows it (number from the login, never the URL), and
 * the members for finance and the board. The finance workspace and the member portal grow from here (issue 7).
 */
@PageController
class MemberPages {

    private final MemberLedger members;

    MemberPages(MemberLedger members) {
        this.members = members;
    }

    @GetMapping("/")
    String start() {
        return CurrentUser.hasRole(Role.MEMBER) ? "redirect:/me" : "redirect:/members";
    }

    @GetMapping("/me")
    String mine(Model model) {
        var number = CurrentUser.memberNumber().orElseThrow();
        model.addAttribute("memberNumber", number);
        members.byNumber(number).ifPresent(member -> model.addAttribute("member", member));
        return "billing/me";
    }

    @GetMapping("/members")
    String all(Model model) {
        model.addAttribute("members", members.all());
        return "billing/members";
    }

    @Component
    static class BillingNavigation implements Navigation {
        @Override
        public List<Link> links() {
            return List.of(
                    new Link("/me", "nav.me", Role.MEMBER),
                    new Link("/me/usage", "nav.usage", Role.MEMBER),
                    new Link("/me/invoices", "nav.invoices", Role.MEMBER),
                    new Link("/me/contributions", "nav.contributions", Role.MEMBER),
                    new Link("/me/shares", "nav.shares", Role.MEMBER),
                    new Link("/finance/runs", "nav.runs", Role.FINANCE),
                    new Link("/finance/documents", "nav.documents", Role.FINANCE),
                    new Link("/finance/payments", "nav.payments", Role.FINANCE),
                    new Link("/finance/tariffs", "nav.tariffs", Role.FINANCE),
                    new Link("/finance/rejected-usage", "nav.rejected", Role.FINANCE),
                    new Link("/members", "nav.members", Role.FINANCE),
                    new Link("/finance/runs", "nav.runs", Role.BOARD),
                    new Link("/finance/documents", "nav.documents", Role.BOARD),
                    new Link("/members", "nav.members", Role.BOARD));
        }
    }
}
