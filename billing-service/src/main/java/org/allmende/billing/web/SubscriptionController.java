package org.allmende.billing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.ledger.SubscriptionLedger;
import org.allmende.billing.ledger.SubscriptionView;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members' subscriptions: finance and the board see any member's, a member only its own. */
@RestController
class SubscriptionController {

    /** A member's subscription periods; with {@code on}, those in effect on that day. */
    record MemberSubscriptions(long memberNumber, LocalDate on, List<SubscriptionView> subscriptions) {}

    private final MemberLedger members;
    private final SubscriptionLedger subscriptions;

    SubscriptionController(MemberLedger members, SubscriptionLedger subscriptions) {
        this.members = members;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/api/members/{memberNumber}/subscriptions")
    MemberSubscriptions of(
            @PathVariable long memberNumber,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        if (members.byNumber(memberNumber).isEmpty()) {
            throw new NotFound("Billing knows no member number " + memberNumber + ".");
        }
        return new MemberSubscriptions(memberNumber, on.orElse(null), subscriptions.of(memberNumber, on));
    }

    /** The login's own subscriptions; the member number comes from the login, never the URL. */
    @GetMapping("/api/me/subscriptions")
    MemberSubscriptions mine(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return of(memberNumber, on);
    }
}
