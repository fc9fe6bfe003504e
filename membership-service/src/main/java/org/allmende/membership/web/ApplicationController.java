package org.allmende.membership.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allmende.membership.admission.Admitted;
import org.allmende.membership.admission.ApproveMembershipApplication;
import org.allmende.membership.admission.RejectMembershipApplication;
import org.allmende.membership.admission.SubmitMembershipApplication;
import org.allmende.membership.register.ApplicationView;
import org.allmende.membership.register.Register;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications: submitted by anyone through the public form, decided by the board. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final CommandGateway commands;
    private final Register register;
    private final Clock clock;

    ApplicationController(CommandGateway commands, Register register, Clock clock) {
        this.commands = commands;
        this.register = register;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody ApplicationForm form) {
        var applicationId = UUID.randomUUID();
        commands.sendAndWait(new SubmitMembershipApplication(
                applicationId,
                form.applicantName().strip(),
                form.bodyKind(),
                form.address().toPostalAddress(),
                form.requestedShares(),
                today()));
        return ResponseEntity.created(URI.create("/api/applications/" + applicationId))
                .body(Map.of("applicationId", applicationId, "status", "PENDING"));
    }

    @GetMapping
    List<ApplicationView> list(@RequestParam Optional<ApplicationStatus> status) {
        return register.applications(status.map(Enum::name));
    }

    @GetMapping("/{applicationId}")
    ApplicationView get(@PathVariable UUID applicationId) {
        return register.application(applicationId).orElseThrow(() -> notFound(applicationId));
    }

    @PostMapping("/{applicationId}/approval")
    Admitted approve(@PathVariable UUID applicationId) {
        try {
            return commands.sendAndWait(new ApproveMembershipApplication(applicationId, CurrentUser.name(), today()));
        } catch (AggregateNotFoundException e) {
            throw notFound(applicationId);
        }
    }

    @PostMapping("/{applicationId}/rejection")
    Map<String, Object> reject(@PathVariable UUID applicationId, @Valid @RequestBody RejectionForm form) {
        try {
            commands.sendAndWait(
                    new RejectMembershipApplication(applicationId, CurrentUser.name(), form.reason(), today()));
            return Map.of("applicationId", applicationId, "status", "REJECTED");
        } catch (AggregateNotFoundException e) {
            throw notFound(applicationId);
        }
    }

    enum ApplicationStatus {
        PENDING,
        APPROVED,
        REJECTED
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static NotFound notFound(UUID applicationId) {
        return new NotFound("There is no application " + applicationId + ".");
    }
}
