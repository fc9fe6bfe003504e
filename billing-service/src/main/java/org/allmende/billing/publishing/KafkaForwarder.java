package org.allmende.billing.publishing;

import org.allmende.billing.config.AxonConfig;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.events.billing.BillingEvent;
import org.allmende.support.publishing.KafkaRelay;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Billing's outbox relay: each issued document goes to {@code allmende.billing.v1} as its contract fact, keyed by
 * the member id, under the event id of the stored event. Acknowledgement before the token moves: {@link KafkaRelay}.
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER)
class KafkaForwarder {

    private final KafkaRelay relay;

    KafkaForwarder(KafkaRelay relay) {
        this.relay = relay;
    }

    @EventHandler
    void forward(DocumentIssued issued, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        var fact = BillingFacts.of(issued);
        relay.forward(fact.subject().toString(), fact, message, unitOfWork);
    }

    /** Facts of member accounts (payments, payouts, dunning) are stored as the contract states them. */
    @EventHandler
    void forward(BillingEvent fact, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        relay.forward(fact.subject().toString(), fact, message, unitOfWork);
    }
}
