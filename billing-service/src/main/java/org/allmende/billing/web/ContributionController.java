package org.allmende.billing.web;

import java.util.regex.Pattern;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.run.ContributionPreviews;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's contributions of any period before they are issued: the lines and totals an invoice run would draft
 * now, nothing stored. Finance and the board see any member's; a member sees its own under {@code /api/me}, with the
 * member number from its login, never from the URL.
 */
@RestController
class ContributionController {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?");

    private final ContributionPreviews previews;
    private final MemberLedger members;

    ContributionController(ContributionPreviews previews, MemberLedger members) {
        this.previews = previews;
        this.members = members;
    }

    /** {@code period}: a month ({@code 2026-03}), a quarter ({@code 2026-Q1}) or a year ({@code 2026}). */
    @GetMapping("/api/members/{memberNumber}/contributions")
    ContributionPreviews.Preview contributions(@PathVariable long memberNumber, @RequestParam String period) {
        var parsed = period(period);
        if (members.byNumber(memberNumber).isEmpty()) {
            throw new NotFound("Billing knows no member number " + memberNumber + ".");
        }
        return previews.preview(memberNumber, parsed);
    }

    @GetMapping("/api/me/contributions")
    ContributionPreviews.Preview myContributions(@RequestParam String period) {
        return contributions(me(), period);
    }

    private static BillingPeriod period(String period) {
        if (!PERIOD.matcher(period).matches()) {
            throw new InvalidField(
                    "period", "period-format", "must be a month (2026-03), a quarter (2026-Q1) or a year (2026)");
        }
        return BillingPeriod.parse(period);
    }

    static long me() {
        return CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
    }
}
