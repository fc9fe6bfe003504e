package org.allmende.membership.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allmende.membership.admission.VoteCounted;
import org.allmende.membership.admission.WithdrawMembershipApplication;
import org.allmende.membership.contacts.ContactPersons;
import org.allmende.membership.register.ApplicationView;
import org.allmende.membership.register.Register;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.security.Role;
import org.allmende.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applications: submitted by anyone through the public form, decided by the board's votes. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final ApplicationIntake intake;
    private final BoardDecisions decisions;
    private final Register register;
    private final ContactPersons contacts;

    ApplicationController(
            ApplicationIntake intake, BoardDecisions decisions, Register register, ContactPersons contacts) {
        this.intake = intake;
        this.decisions = decisions;
        this.register = register;
        this.contacts = contacts;
    }

    /** The answer carries the applicant's withdrawal token: it is shown once and stored only as a hash. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements // public: the application form
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody ApplicationForm form) {
        var received = intake.submit(form);
        return ResponseEntity.created(URI.create("/api/applications/" + received.applicationId()))
                .body(Map.of(
                        "applicationId", received.applicationId(),
                        "status", "PENDING",
                        "withdrawalToken", received.withdrawalToken()));
    }

    @GetMapping
    List<ApplicationView> list(@RequestParam Optional<ApplicationStatus> status) {
        return register.applications(status.map(Enum::name));
    }

    @GetMapping("/{applicationId}")
    ApplicationView get(@PathVariable UUID applicationId) {
        return register.application(applicationId).orElseThrow(() -> notFound(applicationId));
    }

    @PostMapping("/{applicationId}/votes")
    VoteCounted vote(@PathVariable UUID applicationId, @Valid @RequestBody BoardForms.VoteForm form) {
        return decisions.vote(applicationId, form.vote(), form.comment());
    }

    @PostMapping("/{applicationId}/conflicts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> declareConflict(
            @PathVariable UUID applicationId, @Valid @RequestBody BoardForms.ConflictForm form) {
        decisions.declareConflict(applicationId, form.reason());
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    /** §76 GenG: a member transfers fully paid shares to the applicant, carried out at its admission. */
    @PostMapping("/{applicationId}/capital-transfers")
    ResponseEntity<Void> agreeTransfer(
            @PathVariable UUID applicationId, @Valid @RequestBody BoardForms.TransferToApplicantForm form) {
        var from = register.memberId(form.fromMemberNumber())
                .orElseThrow(() -> new NotFound("There is no member number " + form.fromMemberNumber() + "."));
        decisions.send(
                applicationId,
                new org.allmende.membership.admission.AgreeCapitalTransfer(
                        applicationId, from, form.shares(), decisions.today(), CurrentUser.name()));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    /**
     * The applicant learns the board's decision with its token (no login) — also after a rejection, when its
     * contact persons are erased and no e-mail could be sent any more.
     */
    @GetMapping("/{applicationId}/status")
    Map<String, Object> statusForApplicant(
            @PathVariable UUID applicationId,
            @org.springframework.web.bind.annotation.RequestHeader(name = "X-Applicant-Token", required = false)
                    String token) {
        if (!contacts.isWithdrawalToken(applicationId, token)) {
            throw new AccessDeniedException("not the applicant's token");
        }
        var view = register.application(applicationId).orElseThrow(() -> notFound(applicationId));
        var answer = new java.util.LinkedHashMap<String, Object>();
        answer.put("applicationId", applicationId);
        answer.put("status", view.status());
        answer.put("decidedOn", view.decidedOn());
        answer.put("memberId", view.memberId());
        return answer;
    }

    /** By the applicant with its token (no login), or by the board on the applicant's request. */
    @PostMapping("/{applicationId}/withdrawal")
    @SecurityRequirements // the token suffices; a board login works too
    Map<String, Object> withdraw(@PathVariable UUID applicationId, @Valid @RequestBody BoardForms.WithdrawalForm form) {
        String recordedBy;
        if (CurrentUser.hasRole(Role.BOARD)) {
            recordedBy = CurrentUser.name();
        } else if (contacts.isWithdrawalToken(applicationId, form.token())) {
            recordedBy = "applicant";
        } else {
            throw new AccessDeniedException("not the applicant's withdrawal token");
        }
        decisions.send(applicationId, new WithdrawMembershipApplication(applicationId, recordedBy, decisions.today()));
        return Map.of("applicationId", applicationId, "status", "WITHDRAWN");
    }

    enum ApplicationStatus {
        PENDING,
        APPROVED,
        REJECTED,
        WITHDRAWN
    }

    private static NotFound notFound(UUID applicationId) {
        return BoardDecisions.notFound(applicationId);
    }
}
