package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The member gave notice (§65 GenG) of its membership ({@code shares} null) or of some voluntary shares (§67b),
 * effective at the end of a fiscal year at least the notice period ahead.
 */
public record NoticeGiven(UUID memberId, Integer shares, LocalDate givenOn, LocalDate effectiveOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
