package org.allmende.billing.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.ledger.UsageHistory;
import org.allmende.billing.ledger.UsageHistory.ServiceSeries;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's usage history: per service a total per month and over the range, a month drilled down to its days,
 * the same as CSV ({@code Accept: text/csv} or {@code /usage/export}). Finance and the board see any member's; a
 * member sees its own under {@code /api/me}, with the member number from its login, never from the URL.
 */
@RestController
class UsageHistoryController {

    /** Per service, the quantity of every month of the range (0 where nothing was used) and their total. */
    record MonthlyUsage(long memberNumber, YearMonth from, YearMonth to, List<ServiceMonths> services) {}

    record ServiceMonths(
            String serviceCode, String serviceName, String unit, List<MonthQuantity> months, BigDecimal total) {}

    record MonthQuantity(YearMonth month, BigDecimal quantity) {}

    /** Per service, the quantity of every day of one month (0 where nothing was used) and the month's total. */
    record DailyUsageOfMonth(long memberNumber, YearMonth month, List<ServiceDays> services) {}

    record ServiceDays(String serviceCode, String serviceName, String unit, List<DayQuantity> days, BigDecimal total) {}

    record DayQuantity(LocalDate day, BigDecimal quantity) {}

    private final UsageHistory history;
    private final MemberLedger members;
    private final Clock clock;

    UsageHistoryController(UsageHistory history, MemberLedger members, Clock clock) {
        this.history = history;
        this.members = members;
        this.clock = clock;
    }

    @GetMapping("/api/members/{memberNumber}/usage/months")
    @ApiResponse(
            responseCode = "200",
            description = "The months of the range per service; CSV with Accept: text/csv",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = MonthlyUsage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> months(
            @PathVariable long memberNumber,
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam Optional<String> service,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        known(memberNumber);
        var query = HistoryQuery.range(from, to, Optional.empty(), service, currentMonth(), history::knowsService);
        var services = series(memberNumber, query);
        if (UsageCsv.preferred(accept)) {
            return UsageCsv.download(memberNumber, query, services);
        }
        return ResponseEntity.ok(new MonthlyUsage(
                memberNumber,
                query.from(),
                query.to(),
                services.stream()
                        .map(s -> new ServiceMonths(
                                s.serviceCode(),
                                s.serviceName(),
                                s.unit(),
                                s.periods().stream()
                                        .map(p -> new MonthQuantity(YearMonth.from(p.start()), p.quantity()))
                                        .toList(),
                                s.total()))
                        .toList()));
    }

    @GetMapping("/api/me/usage/months")
    @ApiResponse(
            responseCode = "200",
            description = "The login's own months per service; CSV with Accept: text/csv",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = MonthlyUsage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> myMonths(
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam Optional<String> service,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return months(me(), from, to, service, accept);
    }

    @GetMapping("/api/members/{memberNumber}/usage/months/{month}")
    @ApiResponse(
            responseCode = "200",
            description = "The days of the month per service; CSV with Accept: text/csv",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = DailyUsageOfMonth.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> days(
            @PathVariable long memberNumber,
            @PathVariable String month,
            @RequestParam Optional<String> service,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        known(memberNumber);
        var query = HistoryQuery.oneMonth(month, service, history::knowsService);
        var services = series(memberNumber, query);
        if (UsageCsv.preferred(accept)) {
            return UsageCsv.download(memberNumber, query, services);
        }
        return ResponseEntity.ok(new DailyUsageOfMonth(
                memberNumber,
                query.from(),
                services.stream()
                        .map(s -> new ServiceDays(
                                s.serviceCode(),
                                s.serviceName(),
                                s.unit(),
                                s.periods().stream()
                                        .map(p -> new DayQuantity(p.start(), p.quantity()))
                                        .toList(),
                                s.total()))
                        .toList()));
    }

    @GetMapping("/api/me/usage/months/{month}")
    @ApiResponse(
            responseCode = "200",
            description = "The login's own days of the month per service; CSV with Accept: text/csv",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = DailyUsageOfMonth.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> myDays(
            @PathVariable String month,
            @RequestParam Optional<String> service,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return days(me(), month, service, accept);
    }

    /** Always CSV, whatever the Accept header says: a download link in a browser sends {@code text/html}. */
    @GetMapping("/api/members/{memberNumber}/usage/export")
    @ApiResponse(
            responseCode = "200",
            description = "A CSV download, one line per member, service and period",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> export(
            @PathVariable long memberNumber,
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam Optional<String> granularity,
            @RequestParam Optional<String> service) {
        known(memberNumber);
        var query = HistoryQuery.range(from, to, granularity, service, currentMonth(), history::knowsService);
        return UsageCsv.download(memberNumber, query, series(memberNumber, query));
    }

    @GetMapping("/api/me/usage/export")
    @ApiResponse(
            responseCode = "200",
            description = "The login's own usage as a CSV download",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> myExport(
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam Optional<String> granularity,
            @RequestParam Optional<String> service) {
        return export(me(), from, to, granularity, service);
    }

    @ExceptionHandler(InvalidParameters.class)
    ProblemDetail invalid(InvalidParameters e) {
        return Problems.invalidInput(e.problems());
    }

    private List<ServiceSeries> series(long memberNumber, HistoryQuery query) {
        return history.series(memberNumber, query.from(), query.to(), query.granularity(), query.service());
    }

    private void known(long memberNumber) {
        if (members.byNumber(memberNumber).isEmpty()) {
            throw new NotFound("Billing knows no member number " + memberNumber + ".");
        }
    }

    private static long me() {
        return CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
    }

    private YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(BusinessTime.ZONE));
    }
}
