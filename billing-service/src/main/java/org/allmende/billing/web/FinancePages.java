package org.allmende.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Documents;
import org.allmende.billing.document.IssuedDocuments;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.ledger.MemberView;
import org.allmende.billing.run.InvoiceRuns;
import org.allmende.support.pages.PageController;
import org.allmende.support.time.BusinessTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's invoice runs as pages (issue 7): start a run for a period, review its drafts (totals per member, the
 * difference to the previous period, the members skipped and why), issue them; then the issued invoices and credit
 * notes. The board reads the runs and their reviews; only finance starts and issues. The same {@link InvoiceRuns} and {@link Documents} as the REST API: a rule exists once.
 */
@PageController
class FinancePages {

    /** A month ({@code 2026-03}), a quarter ({@code 2026-Q1}) or a year ({@code 2026}), as the API takes it. */
    static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?");

    private final InvoiceRuns runs;
    private final Documents documents;
    private final IssuedDocuments issued;
    private final MemberLedger members;
    private final DocumentDownloads downloads;
    private final Clock clock;

    FinancePages(
            InvoiceRuns runs,
            Documents documents,
            IssuedDocuments issued,
            MemberLedger members,
            DocumentDownloads downloads,
            Clock clock) {
        this.downloads = downloads;
        this.runs = runs;
        this.documents = documents;
        this.issued = issued;
        this.members = members;
        this.clock = clock;
    }

    /** Every run, newest first, for finance and the board; finance also finds the form to start one. */
    @GetMapping("/finance/runs")
    String runs(Model model) {
        model.addAttribute(
                "period",
                YearMonth.now(clock.withZone(BusinessTime.ZONE)).minusMonths(1).toString());
        return runsPage(model);
    }

    private String runsPage(Model model) {
        model.addAttribute("runs", runs.list());
        return "billing/runs";
    }

    @PostMapping("/finance/runs")
    String startRun(
            @RequestParam(defaultValue = "") String period,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var trimmed = period.strip();
        if (!PERIOD.matcher(trimmed).matches()) {
            model.addAttribute("period", period);
            model.addAttribute("periodError", trimmed.isEmpty() ? "error.NotBlank" : "error.period-format");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return runsPage(model);
        }
        var review = runs.draft(BillingPeriod.parse(trimmed));
        redirect.addFlashAttribute("skipped", review.skipped());
        return "redirect:/finance/runs/" + review.runId();
    }

    @GetMapping("/finance/runs/{runId}")
    String review(@PathVariable UUID runId, Model model) {
        model.addAttribute("review", runs.review(runId));
        model.addAttribute("names", names());
        return "billing/run-review";
    }

    @PostMapping("/finance/runs/{runId}/issue")
    String issue(@PathVariable UUID runId, RedirectAttributes redirect) {
        runs.review(runId); // an unknown run is the 404 page
        redirect.addFlashAttribute("issue", documents.issue(runId));
        return "redirect:/finance/runs/" + runId;
    }

    @GetMapping("/finance/documents")
    String documents(@RequestParam Optional<Long> member, @RequestParam Optional<DocumentType> type, Model model) {
        model.addAttribute("documents", issued.list(member, type));
        model.addAttribute("member", member.orElse(null));
        model.addAttribute("type", type.orElse(null));
        model.addAttribute("types", DocumentType.values());
        return "billing/documents";
    }

    @GetMapping("/finance/documents/{number}/{format:ubl|cii|pdf}")
    ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable DocumentDownloads.Download format) {
        return downloads.download(downloads.any(number), format);
    }

    private Map<Long, String> names() {
        return members.all().stream()
                .collect(Collectors.toMap(MemberView::memberNumber, MemberView::name, (a, b) -> a));
    }
}
