package org.allmende.billing.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.document.IssuedDocuments;
import org.allmende.billing.ledger.UsageHistory;
import org.allmende.billing.payment.CapitalAccounts;
import org.allmende.billing.run.ContributionPreviews;
import org.allmende.support.pages.PageController;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The member portal (issue 7): the login's own usage by service and month as a chart with a table, a month's days,
 * the CSV export; its own invoices and credit notes; the contributions of a period before they are issued; its shares
 * and capital with the capital calls, payments on them and payouts, linking the register extract (§31 GenG) that
 * membership-service shows ({@code allmende.links.membership}). The member number always comes from the login, never
 * from the URL: another member's document number is the 404 page, as one that does not exist, and the attempt is
 * logged.
 */
@PageController
class PortalPages {

    private final UsageHistory history;
    private final IssuedDocuments issued;
    private final DocumentDownloads downloads;
    private final ContributionPreviews previews;
    private final CapitalAccounts capital;
    private final String membershipPages;
    private final Clock clock;

    PortalPages(
            UsageHistory history,
            IssuedDocuments issued,
            DocumentDownloads downloads,
            ContributionPreviews previews,
            CapitalAccounts capital,
            @Value("${allmende.links.membership}") String membershipPages,
            Clock clock) {
        this.history = history;
        this.issued = issued;
        this.downloads = downloads;
        this.previews = previews;
        this.capital = capital;
        this.membershipPages = membershipPages.replaceAll("/+$", "");
        this.clock = clock;
    }

    @GetMapping("/me/usage")
    String usage(
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam Optional<String> service,
            Model model) {
        var query = HistoryQuery.range(from, to, Optional.empty(), service, currentMonth(), history::knowsService);
        model.addAttribute("query", query);
        model.addAttribute("charts", charts(query));
        model.addAttribute("earlier", query.from().minusMonths(HistoryQuery.DEFAULT_MONTHS));
        model.addAttribute("earlierTo", query.from().minusMonths(1));
        return "billing/usage";
    }

    @GetMapping("/me/usage/{month}")
    String usageOfMonth(@PathVariable String month, @RequestParam Optional<String> service, Model model) {
        var query = HistoryQuery.oneMonth(month, service, history::knowsService);
        model.addAttribute("query", query);
        model.addAttribute("charts", charts(query));
        return "billing/usage-days";
    }

    /** The CSV download of the range (or of one month's days, {@code granularity=DAY}), like the API's export. */
    @GetMapping("/me/usage/export")
    ResponseEntity<byte[]> export(
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam Optional<String> granularity,
            @RequestParam Optional<String> service) {
        var query = HistoryQuery.range(from, to, granularity, service, currentMonth(), history::knowsService);
        return UsageCsv.download(me(), query, series(query));
    }

    @GetMapping("/me/invoices")
    String invoices(Model model) {
        model.addAttribute("documents", issued.list(Optional.of(me()), Optional.empty()));
        return "billing/my-documents";
    }

    @GetMapping("/me/invoices/{number}")
    String invoice(@PathVariable String number, Model model) {
        model.addAttribute("document", downloads.own(number));
        return "billing/my-document";
    }

    @GetMapping("/me/invoices/{number}/{format:ubl|cii|pdf}")
    ResponseEntity<byte[]> invoiceFile(@PathVariable String number, @PathVariable DocumentDownloads.Download format) {
        return downloads.download(downloads.own(number), format);
    }

    @GetMapping("/me/contributions")
    String contributions(@RequestParam Optional<String> period, Model model) {
        var chosen = period.map(String::strip).orElseGet(() -> currentMonth().toString());
        if (!FinancePages.PERIOD.matcher(chosen).matches()) {
            throw new InvalidParameters(List.of(new Problems.FieldProblem("period", "period-format", chosen)));
        }
        model.addAttribute("period", chosen);
        model.addAttribute("preview", previews.preview(me(), BillingPeriod.parse(chosen)));
        return "billing/contributions";
    }

    /**
     * Shares, capital, calls (their PDFs through {@code /me/invoices}), payments on them and payouts; the register
     * extract is membership's page, on its own host and port.
     */
    @GetMapping("/me/shares")
    String shares(Model model) {
        model.addAttribute("memberNumber", me());
        capital.of(me()).ifPresent(account -> model.addAttribute("account", account));
        model.addAttribute("registerExtract", membershipPages + "/me/register-extract");
        return "billing/my-shares";
    }

    /** A query parameter the page's links never send (typed by hand): the error page with 400. */
    @ExceptionHandler(InvalidParameters.class)
    ModelAndView invalid(InvalidParameters e) {
        var page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        return page;
    }

    private List<UsageChart> charts(HistoryQuery query) {
        return series(query).stream().map(UsageChart::of).toList();
    }

    private List<UsageHistory.ServiceSeries> series(HistoryQuery query) {
        return history.series(me(), query.from(), query.to(), query.granularity(), query.service());
    }

    private static long me() {
        return DocumentDownloads.memberNumber();
    }

    private YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(BusinessTime.ZONE));
    }
}
