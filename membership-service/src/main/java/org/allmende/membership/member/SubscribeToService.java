package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The member takes a catalog service in a quantity from a day on. {@code expectedVersion}: the member's version
 * the caller saw, or null to skip that check.
 */
public record SubscribeToService(
        @TargetAggregateIdentifier UUID memberId,
        String serviceCode,
        int quantity,
        LocalDate effectiveFrom,
        @TargetAggregateVersion Long expectedVersion) {}
