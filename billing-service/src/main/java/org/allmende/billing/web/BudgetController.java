package org.allmende.billing.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.run.BudgetPreviews;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality previews a coming year's contributions for its budget, from this year's usage: per service and
 * month, with the year's totals; as CSV for its budget spreadsheet ({@code Accept: text/csv} or {@code /export}).
 * Finance and the board see any member's; a member its own under {@code /api/me}, the number from its login.
 */
@RestController
class BudgetController {

    /** How far ahead a budget may look: further, this year's usage says little. */
    static final int MOST_YEARS_AHEAD = 5;

    private final BudgetPreviews budgets;
    private final MemberLedger members;

    BudgetController(BudgetPreviews budgets, MemberLedger members) {
        this.budgets = budgets;
        this.members = members;
    }

    /** {@code year}: a year after the current one, the next year when not given. */
    @GetMapping("/api/members/{memberNumber}/budget")
    @ApiResponse(
            responseCode = "200",
            description = "The year's estimate per service and month; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = BudgetPreviews.BudgetPreview.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> budget(
            @PathVariable long memberNumber,
            @RequestParam Optional<Integer> year,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        var preview = preview(memberNumber, year);
        return UsageCsv.preferred(accept) ? BudgetCsv.download(preview) : ResponseEntity.ok(preview);
    }

    @GetMapping("/api/me/budget")
    @ApiResponse(
            responseCode = "200",
            description = "The login's own estimate per service and month; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = BudgetPreviews.BudgetPreview.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> myBudget(
            @RequestParam Optional<Integer> year,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return budget(ContributionController.me(), year, accept);
    }

    /** Always CSV, whatever the Accept header says: a download link in a browser sends {@code text/html}. */
    @GetMapping("/api/members/{memberNumber}/budget/export")
    @ApiResponse(
            responseCode = "200",
            description = "The estimate as a CSV download for a German spreadsheet",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> export(@PathVariable long memberNumber, @RequestParam Optional<Integer> year) {
        return BudgetCsv.download(preview(memberNumber, year));
    }

    @GetMapping("/api/me/budget/export")
    @ApiResponse(
            responseCode = "200",
            description = "The login's own estimate as a CSV download",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> myExport(@RequestParam Optional<Integer> year) {
        return export(ContributionController.me(), year);
    }

    private BudgetPreviews.BudgetPreview preview(long memberNumber, Optional<Integer> year) {
        var current = budgets.currentYear();
        var budgetYear = year.orElse(current + 1);
        if (budgetYear <= current) {
            throw new InvalidField("year", "after-current-year", "must lie after the current year " + current);
        }
        if (budgetYear > current + MOST_YEARS_AHEAD) {
            throw new InvalidField(
                    "year",
                    "at-most-" + MOST_YEARS_AHEAD + "-years-ahead",
                    "must lie at most " + MOST_YEARS_AHEAD + " years ahead (" + (current + MOST_YEARS_AHEAD)
                            + " at the latest)");
        }
        if (members.byNumber(memberNumber).isEmpty()) {
            throw new NotFound("Billing knows no member number " + memberNumber + ".");
        }
        return budgets.preview(memberNumber, budgetYear);
    }
}
