package org.allmende.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberStatusTest {

    /** The rule behind "only active members subscribe"; the exit feature will be the first to set EXITED. */
    @ParameterizedTest(name = "{0} takes new services: {1}")
    @CsvSource({"ACTIVE, true", "EXITED, false"})
    void onlyAnActiveMemberTakesServices(MemberStatus status, boolean active) {
        assertThat(status.isActive()).isEqualTo(active);
    }
}
