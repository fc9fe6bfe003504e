package org.allmende.membership.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.allmende.membership.admission.SubmitMembershipApplication;
import org.allmende.membership.contacts.ContactPersons;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an application in: its contact persons and withdrawal token go to the erasable store, its facts to the
 * event store, in one transaction — both or neither.
 */
@Component
class ApplicationIntake {

    record Received(UUID applicationId, String withdrawalToken) {}

    private final CommandGateway commands;
    private final ContactPersons contacts;
    private final Clock clock;

    ApplicationIntake(CommandGateway commands, ContactPersons contacts, Clock clock) {
        this.commands = commands;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional
    public Received submit(ApplicationForm form) {
        var applicationId = UUID.randomUUID();
        var token = UUID.randomUUID().toString();
        contacts.record(
                applicationId,
                form.contactPersons().stream()
                        .map(ApplicationForm.Contact::toContactPerson)
                        .toList(),
                token);
        commands.sendAndWait(new SubmitMembershipApplication(
                applicationId,
                form.applicantName().strip(),
                form.bodyKind(),
                form.address().toPostalAddress(),
                form.ags(),
                form.inhabitants(),
                form.inhabitantsReferenceDate(),
                form.staffCount(),
                form.leitwegId(),
                form.requestedShares(),
                form.requestedServices() == null ? List.of() : form.requestedServices(),
                form.statutesVersion(),
                LocalDate.now(clock)));
        return new Received(applicationId, token);
    }
}
