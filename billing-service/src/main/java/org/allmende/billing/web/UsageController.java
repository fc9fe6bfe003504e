package org.allmende.billing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.UsageLedger;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Usage per member, service and day; a member sees only its own (the number comes from the login). */
@RestController
class UsageController {

    private final UsageLedger usage;
    private final Clock clock;

    UsageController(UsageLedger usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @GetMapping("/api/members/{memberNumber}/usage")
    List<UsageLedger.DailyUsage> of(
            @PathVariable long memberNumber,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to) {
        var today = LocalDate.now(clock);
        return usage.daily(memberNumber, from.orElse(today.withDayOfYear(1)), to.orElse(today.plusYears(1)));
    }

    @GetMapping("/api/me/usage")
    List<UsageLedger.DailyUsage> mine(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to) {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return of(memberNumber, from, to);
    }

    @GetMapping("/api/rejected-usage")
    List<UsageLedger.RejectedUsage> rejected() {
        return usage.rejected();
    }
}
