package org.allmende.membership.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Queries on the board's views. */
@Component
public class Register {

    private final JdbcTemplate jdbc;

    public Register(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApplicationView> applications(Optional<String> status) {
        return status.map(s -> jdbc.query(
                        "select * from application_view where status = ? order by submitted_on, application_id",
                        Register::application,
                        s))
                .orElseGet(() -> jdbc.query(
                        "select * from application_view order by submitted_on, application_id", Register::application));
    }

    public Optional<ApplicationView> application(UUID applicationId) {
        return jdbc
                .query("select * from application_view where application_id = ?", Register::application, applicationId)
                .stream()
                .findFirst();
    }

    public List<MemberRegisterEntry> members() {
        return jdbc.query("select * from member_register order by member_number", Register::member);
    }

    public Optional<MemberRegisterEntry> member(long memberNumber) {
        return jdbc
                .query("select * from member_register where member_number = ?", Register::member, memberNumber)
                .stream()
                .findFirst();
    }

    private static ApplicationView application(ResultSet row, int index) throws SQLException {
        var decidedOn = row.getDate("decided_on");
        return new ApplicationView(
                row.getObject("application_id", UUID.class),
                row.getString("applicant_name"),
                BodyKind.valueOf(row.getString("body_kind")),
                new PostalAddress(
                        row.getString("street"),
                        row.getString("postal_code"),
                        row.getString("city"),
                        row.getString("country")),
                row.getInt("requested_shares"),
                row.getDate("submitted_on").toLocalDate(),
                row.getString("status"),
                row.getString("decided_by"),
                decidedOn == null ? null : decidedOn.toLocalDate(),
                row.getString("reason"),
                row.getObject("member_id", UUID.class));
    }

    private static MemberRegisterEntry member(ResultSet row, int index) throws SQLException {
        return new MemberRegisterEntry(
                row.getObject("member_id", UUID.class),
                row.getLong("member_number"),
                row.getString("name"),
                BodyKind.valueOf(row.getString("body_kind")),
                new PostalAddress(
                        row.getString("street"),
                        row.getString("postal_code"),
                        row.getString("city"),
                        row.getString("country")),
                row.getInt("shares"),
                row.getDate("joined_on").toLocalDate(),
                row.getTimestamp("recorded_at").toInstant());
    }
}
