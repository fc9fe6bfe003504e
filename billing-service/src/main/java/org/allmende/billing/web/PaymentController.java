package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.billing.payment.BankAccounts;
import org.allmende.billing.payment.IncomingPayment;
import org.allmende.billing.payment.PaymentView;
import org.allmende.billing.payment.Payments;
import org.allmende.support.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments: finance enters them, sees the unmatched ones and assigns them to a member by hand. */
@RestController
class PaymentController {

    /**
     * A payment finance enters. {@code bankReference} identifies it (e.g. the bank's reference from online banking):
     * entered again, or found in a statement later, it is not booked twice. Without one it is a payment of its own.
     */
    record EnterPayment(
            @Positive Long memberNumber,
            @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull LocalDate bookedOn,
            LocalDate valueDate,
            @Size(max = 1000) String referenceText,
            @Size(max = 140) String debtorName,
            @Size(max = 42) String debtorIban,
            @Size(max = 140) String bankReference) {}

    /** Books an unmatched payment to a member, to the documents named (in their order) or its oldest open items. */
    record AssignPayment(
            @NotNull @Positive Long memberNumber, List<@NotBlank @Size(max = 40) String> documentNumbers) {}

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    /** 201 with the payment as booked (matched or not); 200 with the one recorded before under its bank reference. */
    @PostMapping("/api/payments")
    ResponseEntity<PaymentView> enter(@Valid @RequestBody EnterPayment request) {
        var iban = request.debtorIban() == null || request.debtorIban().isBlank()
                ? null
                : BankAccounts.iban("debtorIban", request.debtorIban());
        var reference =
                request.bankReference() == null || request.bankReference().isBlank()
                        ? "MANUAL-" + UUID.randomUUID()
                        : request.bankReference().strip();
        var recorded = payments.enter(
                new IncomingPayment(
                        reference,
                        IncomingPayment.PaymentSource.MANUAL,
                        request.amount(),
                        request.bookedOn(),
                        request.valueDate(),
                        request.referenceText(),
                        null,
                        null,
                        request.debtorName(),
                        iban,
                        request.memberNumber()),
                CurrentUser.name());
        if (recorded.duplicate()) {
            return ResponseEntity.ok(recorded.payment());
        }
        return ResponseEntity.created(
                        URI.create("/api/payments/" + recorded.payment().id()))
                .body(recorded.payment());
    }

    /** Payments, newest first; {@code status=UNMATCHED} the ones waiting for finance, {@code MATCHED} the booked. */
    @GetMapping("/api/payments")
    List<PaymentView> list(@RequestParam Optional<PaymentStatus> status) {
        return payments.list(status.map(s -> s == PaymentStatus.MATCHED));
    }

    @GetMapping("/api/payments/{id}")
    PaymentView one(@PathVariable long id) {
        return payments.byId(id);
    }

    /** 200 with the payment booked; 409 {@code payment-already-booked}, {@code member-unknown}, ... */
    @PostMapping("/api/payments/{id}/assignment")
    PaymentView assign(@PathVariable long id, @Valid @RequestBody AssignPayment request) {
        return payments.assign(
                id,
                request.memberNumber(),
                request.documentNumbers() == null ? List.of() : request.documentNumbers(),
                CurrentUser.name());
    }

    enum PaymentStatus {
        MATCHED,
        UNMATCHED
    }
}
