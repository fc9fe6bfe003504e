package org.allmende.billing.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.PostalAddress;
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

    public void sharesChanged(UUID memberId, int shares) {
        jdbc.update("update member set shares = ?, updated_at = ? where member_id = ?", shares, now(), memberId);
    }

    public void capitalChanged(UUID memberId, int shares, BigDecimal paidInCapital) {
        jdbc.update(
                "update member set shares = ?, paid_in_capital = ?, updated_at = ? where member_id = ?",
                shares,
                paidInCapital,
                now(),
                memberId);
    }

    public void paidIn(UUID memberId, BigDecimal paidInCapital) {
        jdbc.update(
                "update member set paid_in_capital = ?, updated_at = ? where member_id = ?",
                paidInCapital,
                now(),
                memberId);
    }

    public void leaving(UUID memberId, LocalDate leavingOn, UUID successor) {
        jdbc.update(
                "update member set status = 'LEAVING', leaving_on = ?, successor_member_id = ?, updated_at = ?"
                        + " where member_id = ?",
                Date.valueOf(leavingOn),
                successor,
                now(),
                memberId);
    }

    public void sharesGivenUp(UUID memberId, int remainingShares, BigDecimal payout) {
        jdbc.update(
                "update member set shares = ?, paid_in_capital = paid_in_capital - ?, updated_at = ? where member_id = ?",
                remainingShares,
                payout,
                now(),
                memberId);
    }

    public void tookOver(UUID memberId, int shares, BigDecimal capital) {
        jdbc.update(
                "update member set shares = shares + ?, paid_in_capital = paid_in_capital + ?, updated_at = ?"
                        + " where member_id = ?",
                shares,
                capital,
                now(),
                memberId);
    }

    public void mergedAway(UUID memberId) {
        jdbc.update(
                "update member set shares = 0, paid_in_capital = 0, updated_at = ? where member_id = ?",
                now(),
                memberId);
    }

    /** The membership ended: the capital to pay out (netted against open items later) and by when. */
    public void ended(UUID memberId, LocalDate endedOn, BigDecimal payout, LocalDate payoutDueBy) {
        jdbc.update(
                "update member set status = 'ENDED', ended_on = ?, capital_to_pay_out = ?, payout_due_by = ?,"
                        + " paid_in_capital = 0, updated_at = ? where member_id = ?",
                Date.valueOf(endedOn),
                payout,
                payoutDueBy == null ? null : Date.valueOf(payoutDueBy),
                now(),
                memberId);
    }

    /** Invoices go to the latest address the register recorded. */
    public void moved(UUID memberId, PostalAddress address) {
        jdbc.update(
                "update member set street = ?, postal_code = ?, city = ?, country = ?, updated_at = ? where member_id = ?",
                address.street(),
                address.postalCode(),
                address.city(),
                address.country(),
                now(),
                memberId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public List<MemberView> all() {
        return jdbc.query("select * from member order by member_number", MemberLedger::view);
    }

    public Optional<MemberView> byNumber(long memberNumber) {
        return jdbc.query("select * from member where member_number = ?", MemberLedger::view, memberNumber).stream()
                .findFirst();
    }

    /** The members of these numbers that billing knows, by number: one statement. */
    public java.util.Map<Long, MemberView> byNumbers(java.util.Collection<Long> memberNumbers) {
        var members = new java.util.HashMap<Long, MemberView>();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement("select * from member where member_number = any(?)");
                    statement.setArray(1, con.createArrayOf("int8", memberNumbers.toArray()));
                    return statement;
                },
                row -> {
                    var member = view(row, 0);
                    members.put(member.memberNumber(), member);
                });
        return members;
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
                row.getString("leitweg_id"),
                row.getBigDecimal("paid_in_capital"),
                row.getString("status"),
                localDate(row.getDate("leaving_on")),
                localDate(row.getDate("ended_on")),
                row.getBigDecimal("capital_to_pay_out"),
                localDate(row.getDate("payout_due_by")),
                row.getObject("successor_member_id", UUID.class));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
