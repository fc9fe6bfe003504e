package org.allmende.membership.admission;

import java.time.LocalDate;
import java.util.UUID;

/** Internal to membership (not published). */
public record ConflictOfInterestDeclared(UUID applicationId, String boardMember, String reason, LocalDate declaredOn) {}
