package org.allmende.billing.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.events.membership.MemberAdmitted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Billing's members: who is billed, under which number and address, with how many shares. */
@Component
public class MemberLedger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MemberLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void admit(MemberAdmitted event) {
        var address = event.address();
        jdbc.update(
                """
                insert into member (member_id, member_number, name, body_kind, street, postal_code, city, country,
                    shares, admitted_on, updated_at, ags, inhabitants, inhabitants_reference_date, staff_count,
                    leitweg_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (member_id) do nothing
                """,
                event.memberId(),
                event.memberNumber(),
                event.name(),
                event.bodyKind().name(),
                address.street(),
                address.postalCode(),
                address.city(),
                address.country(),
                event.shares(),
                Date.valueOf(event.admittedOn()),
                Timestamp.from(clock.instant()),
                event.ags(),
                event.inhabitants(),
                event.inhabitantsReferenceDate() == null ? null : Date.valueOf(event.inhabitantsReferenceDate()),
                event.staffCount(),
                event.leitwegId());
    }

    public List<MemberView> all() {
        return jdbc.query("select * from member order by member_number", MemberLedger::view);
    }

    public Optional<MemberView> byNumber(long memberNumber) {
        return jdbc.query("select * from member where member_number = ?", MemberLedger::view, memberNumber).stream()
                .findFirst();
    }

    private static MemberView view(ResultSet row, int index) throws SQLException {
        return new MemberView(
                row.getObject("member_id", UUID.class),
                row.getLong("member_number"),
                row.getString("name"),
                row.getString("body_kind"),
                new MemberView.Address(
                        row.getString("street"),
                        row.getString("postal_code"),
                        row.getString("city"),
                        row.getString("country")),
                row.getInt("shares"),
                row.getDate("admitted_on").toLocalDate(),
                row.getString("ags"),
                (Long) row.getObject("inhabitants", Long.class),
                (Integer) row.getObject("staff_count", Integer.class),
                row.getString("leitweg_id"));
    }
}
