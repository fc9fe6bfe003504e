package org.allmende.membership.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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

    public Optional<UUID> memberId(long memberNumber) {
        return jdbc
                .queryForList("select member_id from member_register where member_number = ?", UUID.class, memberNumber)
                .stream()
                .findFirst();
    }

    public Optional<Long> memberNumber(UUID memberId) {
        return jdbc
                .queryForList("select member_number from member_register where member_id = ?", Long.class, memberId)
                .stream()
                .findFirst();
    }

    /** Every change of one member's entry, in the order they took effect. */
    public List<RegisterChange> changes(UUID memberId) {
        return jdbc.query(
                "select * from register_change where member_id = ? order by effective_on, recorded_at",
                (row, i) -> new RegisterChange(
                        row.getString("kind"),
                        row.getString("description"),
                        row.getDate("effective_on").toLocalDate(),
                        row.getTimestamp("recorded_at").toInstant(),
                        row.getInt("shares_after"),
                        row.getBigDecimal("capital_after"),
                        row.getString("status_after")),
                memberId);
    }

    /**
     * The register as it stood on {@code asOf}, as far as it was recorded by {@code knownAt}: per member the last
     * change effective by that date and recorded by that moment. Members who had not joined yet are absent;
     * members who had left stay, with their status.
     */
    public List<RegisterAsOf> asOf(LocalDate asOf, Instant knownAt) {
        return jdbc.query(
                """
                select distinct on (c.member_number) c.*, m.name, m.joined_on
                from register_change c join member_register m on m.member_id = c.member_id
                where c.effective_on <= ? and c.recorded_at <= ?
                order by c.member_number, c.effective_on desc, c.recorded_at desc
                """,
                (row, i) -> new RegisterAsOf(
                        row.getObject("member_id", UUID.class),
                        row.getLong("member_number"),
                        row.getString("name"),
                        new PostalAddress(
                                row.getString("street"),
                                row.getString("postal_code"),
                                row.getString("city"),
                                row.getString("country")),
                        row.getInt("shares_after"),
                        row.getBigDecimal("capital_after"),
                        row.getString("status_after"),
                        row.getDate("joined_on").toLocalDate(),
                        row.getString("description"),
                        row.getDate("effective_on").toLocalDate()),
                java.sql.Date.valueOf(asOf),
                java.sql.Timestamp.from(knownAt));
    }

    public List<ShareRequestView> shareRequests(Optional<String> status) {
        var sql = "select r.*, m.member_number, m.name from share_request r join member_register m"
                + " on m.member_id = r.member_id"
                + (status.isPresent() ? " where r.status = ?" : "")
                + " order by r.requested_on, m.member_number";
        RowMapper<ShareRequestView> mapper = (row, i) -> new ShareRequestView(
                row.getObject("request_id", UUID.class),
                row.getObject("member_id", UUID.class),
                row.getLong("member_number"),
                row.getString("name"),
                row.getString("kind"),
                row.getInt("shares"),
                row.getDate("requested_on").toLocalDate(),
                row.getString("requested_by"),
                row.getString("status"),
                localDate(row.getDate("decided_on")),
                row.getString("decided_by"));
        return status.map(s -> jdbc.query(sql, mapper, s)).orElseGet(() -> jdbc.query(sql, mapper));
    }

    /** Members whose exit or partial notice is due by {@code today} and not applied yet. */
    public List<UUID> dueExits(LocalDate today) {
        return jdbc.queryForList(
                """
                select member_id from member_register
                where (status = 'LEAVING' and leaving_on <= ?) or (partial_notice_effective_on <= ? and status = 'ACTIVE')
                order by member_number
                """,
                UUID.class,
                java.sql.Date.valueOf(today),
                java.sql.Date.valueOf(today));
    }

    private static LocalDate localDate(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
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
                row.getBigDecimal("paid_in_capital"),
                row.getString("status"),
                row.getDate("joined_on").toLocalDate(),
                localDate(row.getDate("leaving_on")),
                row.getString("leaving_cause"),
                (Integer) row.getObject("partial_notice_shares", Integer.class),
                localDate(row.getDate("partial_notice_effective_on")),
                localDate(row.getDate("ended_on")),
                row.getObject("successor_member_id", UUID.class),
                row.getTimestamp("recorded_at").toInstant());
    }
}
