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
import org.allmende.billing.payment.AssignmentRefused;
import org.allmende.billing.payment.BankAccounts;
import org.allmende.billing.payment.IncomingPayment;
import org.allmende.billing.payment.ManualAssignment;
import org.allmende.billing.payment.PaymentView;
import org.allmende.billing.payment.Payments;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    /**
     * Books an unmatched payment to a member, to the documents named (in their order) or its oldest open items; or,
     * with {@code parts}, these amounts to these documents (also what is left of a booked payment).
     */
    record AssignPayment(
            @NotNull @Positive Long memberNumber,
            List<@NotBlank @Size(max = 40) String> documentNumbers,
            List<@Valid @NotNull Part> parts) {}

    /** An amount of the payment for one document of the member. */
    record Part(
            @NotBlank @Size(max = 40) String documentNumber,
            @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount) {}

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

    /**
     * 200 with the payment booked; 400 naming the part whose amount is more than its item owes or the payment has
     * left; 409 {@code payment-already-booked}, {@code member-unknown}, ...
     */
    @PostMapping("/api/payments/{id}/assignment")
    PaymentView assign(@PathVariable long id, @Valid @RequestBody AssignPayment request) {
        if (request.parts() != null && !request.parts().isEmpty()) {
            return payments.assignParts(
                    id,
                    request.memberNumber(),
                    request.parts().stream()
                            .map(part -> new ManualAssignment.Part(part.documentNumber(), part.amount()))
                            .toList(),
                    CurrentUser.name());
        }
        return payments.assign(
                id,
                request.memberNumber(),
                request.documentNumbers() == null ? List.of() : request.documentNumbers(),
                CurrentUser.name());
    }

    /** Every part that breaks a rule, each with its field, not only the first. */
    @ExceptionHandler(AssignmentRefused.class)
    ProblemDetail refused(AssignmentRefused e) {
        return Problems.invalidInput(e.problems());
    }

    enum PaymentStatus {
        MATCHED,
        UNMATCHED
    }
}
