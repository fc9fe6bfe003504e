package org.allmende.membership.admission;

import java.util.UUID;

/** The answer to an approval: who the new member is. */
public record Admitted(UUID memberId, long memberNumber) {}
