package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.billing.payment.Payouts;
import org.allmende.billing.payment.UnpaidCapital.Portion;
import org.allmende.billing.run.CapitalCalls;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Capital on shares: finance calls it (§7 GenG) and pays it out after exit (§73 GenG); the board looks on. */
@RestController
class CapitalController {

    private final CapitalCalls capitalCalls;
    private final Payouts payouts;

    CapitalController(CapitalCalls capitalCalls, Payouts payouts) {
        this.capitalCalls = capitalCalls;
        this.payouts = payouts;
    }

    /** {@code portion}: FIRST_INSTALMENT (the statutes' part due on admission) or FULL (default). */
    record CapitalCallRequest(Portion portion, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {}

    /** 201 with the calls issued; running it again calls nothing twice. */
    @PostMapping("/api/capital-calls")
    @ResponseStatus(HttpStatus.CREATED)
    CapitalCalls.CapitalCallRun call(@RequestBody(required = false) CapitalCallRequest request) {
        var portion = request == null || request.portion() == null ? Portion.FULL : request.portion();
        return capitalCalls.call(portion, request == null ? null : request.dueOn());
    }

    @GetMapping("/api/payouts")
    List<Payouts.PayoutView> payouts(@RequestParam Optional<PayoutStatus> status) {
        return payouts.list(status.map(Enum::name));
    }

    @GetMapping("/api/payouts/{payoutId}")
    Payouts.PayoutView payout(@PathVariable UUID payoutId) {
        return payouts.byId(payoutId);
    }

    /** {@code iban}, {@code bic}, {@code accountHolder}: the member's account (default: its latest mandate's). */
    record PayoutPayment(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @Size(max = 42) String iban,
            @Size(max = 14) String bic,
            @Size(max = 70) String accountHolder) {}

    /**
     * Finance pays the payout (today unless {@code paidOn} says an earlier day): set off against the member's open
     * items due by then, the rest transferred. Paid before: the same answer again.
     */
    @PostMapping("/api/payouts/{payoutId}/payment")
    Payouts.PayoutView pay(@PathVariable UUID payoutId, @Valid @RequestBody(required = false) PayoutPayment payment) {
        return payouts.pay(
                payoutId,
                payment == null ? null : payment.paidOn(),
                payment == null ? null : new Payouts.Account(payment.iban(), payment.bic(), payment.accountHolder()),
                CurrentUser.name());
    }

    /** The SEPA credit transfer of the payout's rest (pain.001.001.03), for the bank; 404 if none was made. */
    @GetMapping(path = "/api/payouts/{payoutId}/pain.001", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> transferFile(@PathVariable UUID payoutId) {
        var file = payouts.transferFile(payoutId)
                .orElseThrow(() -> new NotFound("No credit transfer file was made for payout " + payoutId + "."));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"payout-" + payoutId + ".pain.001.xml\"")
                .contentType(MediaType.APPLICATION_XML)
                .body(file);
    }

    enum PayoutStatus {
        DUE,
        PAID
    }
}
