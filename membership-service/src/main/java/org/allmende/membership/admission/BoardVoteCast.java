package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;

/** Internal to membership (not published): how each board member voted. */
public record BoardVoteCast(UUID applicationId, String boardMember, Vote vote, String comment, LocalDate castOn) {}
