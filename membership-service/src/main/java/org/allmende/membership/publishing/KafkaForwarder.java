package org.allmende.membership.publishing;

import org.allmende.events.membership.MembershipEvent;
import org.allmende.membership.config.AxonConfig;
import org.allmende.support.publishing.KafkaRelay;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Membership's outbox relay: every contract event of the event store goes to {@code allmende.membership.v1}, keyed
 * by its subject (application or member id). Acknowledgement before the token moves: {@link KafkaRelay}.
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER)
class KafkaForwarder {

    private final KafkaRelay relay;

    KafkaForwarder(KafkaRelay relay) {
        this.relay = relay;
    }

    @EventHandler
    void forward(MembershipEvent event, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        relay.forward(event.subject().toString(), event, message, unitOfWork);
    }
}
