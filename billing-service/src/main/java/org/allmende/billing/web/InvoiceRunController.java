package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.run.InvoiceRuns;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Finance starts an invoice run for a period and reviews its drafts before issuing them. */
@RestController
class InvoiceRunController {

    private final InvoiceRuns runs;

    InvoiceRunController(InvoiceRuns runs) {
        this.runs = runs;
    }

    /** A month ({@code 2026-03}), a quarter ({@code 2026-Q1}) or a year ({@code 2026}). */
    record RunRequest(
            @NotBlank @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?", message = "period-format")
                    String period) {}

    @PostMapping("/api/invoice-runs")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceRuns.Review start(@Valid @RequestBody RunRequest request) {
        return runs.draft(BillingPeriod.parse(request.period()));
    }

    @GetMapping("/api/invoice-runs/{runId}")
    InvoiceRuns.Review review(@PathVariable UUID runId) {
        return runs.review(runId);
    }
}
