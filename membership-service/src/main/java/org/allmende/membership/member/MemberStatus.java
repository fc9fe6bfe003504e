package org.allmende.membership.member;

/**
 * Where a member stands. Admission makes a member {@link #ACTIVE}; the exit feature (§65 ff. GenG: notice,
 * exclusion, merger) will end that with {@link #EXITED}. Only an active member takes new services.
 */
public enum MemberStatus {
    ACTIVE,
    EXITED;

    public boolean isActive() {
        return this == ACTIVE;
    }
}
