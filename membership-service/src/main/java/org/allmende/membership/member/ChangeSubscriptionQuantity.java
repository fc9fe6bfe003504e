package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The quantity of a subscribed service changes from a day on (e.g. three more tablets). */
public record ChangeSubscriptionQuantity(
        @TargetAggregateIdentifier UUID memberId,
        String serviceCode,
        int quantity,
        LocalDate effectiveFrom,
        @TargetAggregateVersion Long expectedVersion) {}
