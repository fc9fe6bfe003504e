package org.allmende.billing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.allmende.billing.payment.MandateView;
import org.allmende.billing.payment.Mandates;
import org.allmende.support.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SEPA direct debit mandates of a member, as finance records them from the signed forms. */
@RestController
class MandateController {

    record RecordMandate(
            @NotBlank @Size(max = 35) String reference,
            @NotNull LocalDate signedOn,
            @NotBlank @Size(max = 70) String debtorName,
            @NotBlank @Size(max = 42) String iban,
            @Size(max = 14) String bic) {}

    private final Mandates mandates;

    MandateController(Mandates mandates) {
        this.mandates = mandates;
    }

    /** 201 with the mandate (it ends the member's previous one); 400 naming the field and rule, e.g. iban. */
    @PostMapping("/api/members/{memberNumber}/mandates")
    ResponseEntity<MandateView> record(@PathVariable long memberNumber, @Valid @RequestBody RecordMandate request) {
        var mandate = mandates.record(
                memberNumber,
                new Mandates.NewMandate(
                        request.reference(), request.signedOn(), request.debtorName(), request.iban(), request.bic()),
                CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/members/" + memberNumber + "/mandates"))
                .body(mandate);
    }

    @GetMapping("/api/members/{memberNumber}/mandates")
    List<MandateView> ofMember(@PathVariable long memberNumber) {
        return mandates.ofMember(memberNumber);
    }
}
