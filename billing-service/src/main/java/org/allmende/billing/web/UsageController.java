package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allmende.billing.ledger.UsageHistory;
import org.allmende.billing.ledger.UsageLedger;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage per member, service and day as stored, and finance's review of rejected usage. A member sees only its own
 * usage (the number comes from the login); the history by month is in {@link UsageHistoryController}.
 */
@RestController
class UsageController {

    private final UsageLedger usage;
    private final UsageHistory history;
    private final Clock clock;

    UsageController(UsageLedger usage, UsageHistory history, Clock clock) {
        this.usage = usage;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/api/members/{memberNumber}/usage")
    List<UsageHistory.DailyUsage> of(
            @PathVariable long memberNumber,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to) {
        var today = LocalDate.now(clock);
        var start = from.orElse(today.withDayOfYear(1));
        var end = to.orElse(today.plusYears(1));
        if (start.isAfter(end)) {
            throw new InvalidField("from", "not-after-to", "must not lie after to (" + end + ")");
        }
        if (end.isAfter(start.plusMonths(HistoryQuery.MOST_MONTHS))) {
            throw new InvalidField(
                    "to",
                    "at-most-" + HistoryQuery.MOST_MONTHS + "-months",
                    "must lie at most " + HistoryQuery.MOST_MONTHS + " months after from ("
                            + start.plusMonths(HistoryQuery.MOST_MONTHS) + " at the latest)");
        }
        return history.daily(memberNumber, start, end);
    }

    @GetMapping("/api/me/usage")
    List<UsageHistory.DailyUsage> mine(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to) {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return of(memberNumber, from, to);
    }

    @GetMapping("/api/rejected-usage")
    List<UsageLedger.RejectedUsage> rejected() {
        return usage.rejected();
    }

    record RecordRef(@NotBlank String sendingSystem, @NotBlank String recordId) {}

    record Dismissal(
            @NotBlank String sendingSystem, @NotBlank String recordId, @NotBlank @Size(max = 1000) String reason) {}

    /** Checks a rejected record again; 409 with the rule it still breaks, else it is counted. */
    @PostMapping("/api/rejected-usage/recheck")
    Map<String, Object> recheck(@Valid @RequestBody RecordRef ref) {
        var broken = usage.recheck(ref.sendingSystem(), ref.recordId(), CurrentUser.name());
        if (broken.isPresent()) {
            throw new RuleViolation(broken.get(), "Record " + ref.recordId() + " still breaks " + broken.get() + ".");
        }
        return Map.of("recordId", ref.recordId(), "status", "ACCEPTED");
    }

    @PostMapping("/api/rejected-usage/dismissal")
    Map<String, Object> dismiss(@Valid @RequestBody Dismissal dismissal) {
        usage.dismiss(dismissal.sendingSystem(), dismissal.recordId(), CurrentUser.name(), dismissal.reason());
        return Map.of("recordId", dismissal.recordId(), "status", "DISMISSED");
    }
}
