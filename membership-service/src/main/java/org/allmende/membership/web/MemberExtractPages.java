package org.allmende.membership.web;

import java.time.Clock;
import org.allmende.membership.register.Register;
import org.allmende.support.pages.PageController;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * §31 GenG for the member itself: its own entries in the register as a page (the figures and changes the board sees
 * for it), and the same extract to print as the board's. The member number comes from the login, never from the
 * URL, so no other member's entry is reachable from here. The page links back to the member portal's shares page in
 * billing-service ({@code allmende.links.billing}).
 */
@PageController
class MemberExtractPages {

    private final Register register;
    private final String billingPages;
    private final Clock clock;

    MemberExtractPages(Register register, @Value("${allmende.links.billing}") String billingPages, Clock clock) {
        this.register = register;
        this.billingPages = billingPages.replaceAll("/+$", "");
        this.clock = clock;
    }

    @GetMapping("/me")
    String me() {
        return "redirect:/me/register-extract";
    }

    @GetMapping("/me/register-extract")
    String extract(Model model) {
        var number = memberNumber();
        model.addAttribute("memberNumber", number);
        register.member(number).ifPresent(entry -> {
            model.addAttribute("member", entry);
            model.addAttribute("changes", register.changes(entry.memberId()));
        });
        model.addAttribute("producedAt", clock.instant().atZone(BusinessTime.ZONE));
        model.addAttribute("zone", BusinessTime.ZONE);
        model.addAttribute("portalShares", billingPages + "/me/shares");
        return "membership/my-register-extract";
    }

    /** The extract to print: the same page the board prints for this member. */
    @GetMapping(path = "/me/register-extract/print", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String print() {
        var number = memberNumber();
        var entry = register.member(number)
                .orElseThrow(() -> new NotFound("The register has no member number " + number + " yet."));
        return RegisterExtractController.html(new RegisterExtractController.RegisterExtract(
                entry, register.changes(entry.memberId()), clock.instant()));
    }

    private static long memberNumber() {
        return CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
    }
}
