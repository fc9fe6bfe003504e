package org.allmende.membership.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;
import org.allmende.membership.admission.AdmissionQuorum;
import org.allmende.membership.admission.Vote;
import org.allmende.membership.contacts.ContactPersons;
import org.allmende.membership.statutes.Statutes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Queries on the board's views. */
@Component
public class Register {

    private final JdbcTemplate jdbc;
    private final ContactPersons contacts;
    private final AdmissionQuorum quorum;
    private final RowMapper<ApplicationView> applicationRow = this::application;

    public Register(JdbcTemplate jdbc, ContactPersons contacts, Statutes statutes) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.quorum = AdmissionQuorum.of(statutes);
    }

    public List<ApplicationView> applications(Optional<String> status) {
        return status.map(s -> jdbc.query(
                        "select * from application_view where status = ? order by submitted_on, application_id",
                        applicationRow,
                        s))
                .orElseGet(() -> jdbc.query(
                        "select * from application_view order by submitted_on, application_id", applicationRow));
    }

    public Optional<ApplicationView> application(UUID applicationId) {
        return jdbc
                .query("select * from application_view where application_id = ?", applicationRow, applicationId)
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

    private ApplicationView application(ResultSet row, int index) throws SQLException {
        var applicationId = row.getObject("application_id", UUID.class);
        var decidedOn = row.getDate("decided_on");
        var referenceDate = row.getDate("inhabitants_reference_date");
        var services = row.getString("requested_services");
        var votes = jdbc.query(
                "select * from application_vote where application_id = ? order by cast_on, board_member",
                (v, i) -> new ApplicationView.BoardVoteView(
                        v.getString("board_member"),
                        v.getString("kind"),
                        v.getString("vote"),
                        v.getString("comment"),
                        v.getDate("cast_on").toLocalDate()),
                applicationId);
        var status = row.getString("status");
        var cast = votes.stream()
                .filter(v -> "VOTE".equals(v.kind()))
                .map(v -> Vote.valueOf(v.vote()))
                .toList();
        return new ApplicationView(
                applicationId,
                row.getString("applicant_name"),
                BodyKind.valueOf(row.getString("body_kind")),
                new PostalAddress(
                        row.getString("street"),
                        row.getString("postal_code"),
                        row.getString("city"),
                        row.getString("country")),
                row.getString("ags"),
                (Long) row.getObject("inhabitants", Long.class),
                referenceDate == null ? null : referenceDate.toLocalDate(),
                (Integer) row.getObject("staff_count", Integer.class),
                row.getString("leitweg_id"),
                row.getInt("requested_shares"),
                services == null || services.isEmpty() ? List.of() : List.of(services.split(",")),
                row.getString("statutes_version"),
                row.getDate("submitted_on").toLocalDate(),
                status,
                votes,
                "PENDING".equals(status) ? quorum.votesStillNeeded(cast) : 0,
                row.getString("decided_by"),
                decidedOn == null ? null : decidedOn.toLocalDate(),
                row.getString("reason"),
                row.getObject("member_id", UUID.class),
                contacts.of(applicationId));
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
                row.getString("ags"),
                (Long) row.getObject("inhabitants", Long.class),
                (Integer) row.getObject("staff_count", Integer.class),
                row.getString("leitweg_id"),
                row.getInt("shares"),
                row.getDate("joined_on").toLocalDate(),
                row.getTimestamp("recorded_at").toInstant());
    }
}
