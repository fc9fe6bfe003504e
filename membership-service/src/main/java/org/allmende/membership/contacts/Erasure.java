package org.allmende.membership.contacts;

import org.allmende.events.membership.MembershipApplicationRejected;
import org.allmende.events.membership.MembershipApplicationWithdrawn;
import org.allmende.membership.config.AxonConfig;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A rejected or withdrawn applicant's personal data goes, once and for good (§15 GenG, GDPR Art. 17). */
@Component
@ProcessingGroup(AxonConfig.REGISTER)
class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final ContactPersons contacts;

    Erasure(ContactPersons contacts) {
        this.contacts = contacts;
    }

    @EventHandler
    void on(MembershipApplicationRejected event) {
        log.info(
                "application {} rejected: erased {} contact persons",
                event.applicationId(),
                contacts.erase(event.applicationId()));
    }

    @EventHandler
    void on(MembershipApplicationWithdrawn event) {
        log.info(
                "application {} withdrawn: erased {} contact persons",
                event.applicationId(),
                contacts.erase(event.applicationId()));
    }
}
