package org.allmende.membership.member;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Member numbers from a PostgreSQL sequence. A sequence never hands out a value twice, even when the admission
 * that drew it rolls back; such a number stays unused, which the register allows (numbers are never reused).
 */
@Component
class SequenceMemberNumbers implements MemberNumbers {

    private final JdbcTemplate jdbc;

    SequenceMemberNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next() {
        return jdbc.queryForObject("select nextval('member_number_seq')", Long.class);
    }
}
