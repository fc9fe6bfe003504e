package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The member ends a subscription; {@code effectiveTo} is the last day of service (inclusive). */
public record CancelSubscription(
        @TargetAggregateIdentifier UUID memberId,
        String serviceCode,
        LocalDate effectiveTo,
        @TargetAggregateVersion Long expectedVersion) {}
