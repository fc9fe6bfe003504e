package org.allmende.billing.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dunning: a run raises each overdue item one level at a time — the next level once it is due by the days after
 * the due date and, after a notice, by the days between the levels — so a member always gets each notice, in
 * order, with time to react. Every level is reached once per item, whatever runs when (dunning_notice's key); a
 * fee is an open item of its own (DUNNING_FEE), not dunned itself. Items on their way in a direct debit wait.
 */
@Component
public class Dunning {

    /** A run's answer: the day it ran for and the notices it raised. */
    public record Run(long runId, LocalDate runOn, List<DunningNotice> notices) implements Serializable {}

    /** An item in dunning, with the day its next level is due (null at the last level). */
    public record Overdue(
            long memberNumber,
            String documentNumber,
            OpenItemType type,
            LocalDate dueOn,
            BigDecimal openAmount,
            int level,
            LocalDate lastDunnedOn,
            LocalDate nextLevelOn) {}

    /** The overview: the configured levels and every open item in or due for dunning. */
    public record Overview(LocalDate asOf, List<DunningProperties.Level> levels, List<Overdue> items) {}

    private record Candidate(
            long id,
            long memberNumber,
            String documentNumber,
            OpenItemType type,
            LocalDate dueOn,
            BigDecimal open,
            int level,
            LocalDate lastDunnedOn) {}

    /** The first key of the advisory lock that lets one run happen at a time. */
    private static final int RUN_LOCK = 2108;

    private static final String OVERDUE =
            """
            select i.id, i.member_number, i.document_number, i.document_type, i.due_on, i.open_amount,
                i.dunning_level, i.last_dunned_on
            from open_item i
            where i.open_amount > 0 and i.document_type <> 'DUNNING_FEE' and i.due_on < ?
              and not exists (select 1 from direct_debit_collection c
                              where c.open_item_id = i.id and c.status = 'SUBMITTED')
            order by i.member_number, i.due_on, i.id
            """;

    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final Settlement settlement;
    private final AccountFacts facts;
    private final DunningProperties properties;
    private final Clock clock;

    Dunning(
            JdbcTemplate jdbc,
            Bookings bookings,
            Settlement settlement,
            AccountFacts facts,
            DunningProperties properties,
            Clock clock) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.settlement = settlement;
        this.properties = properties;
        this.clock = clock;
    }

    /** Raises every overdue item whose next level is due today; the notices raised, none if it ran before. */
    @Transactional
    public Run run(String by) {
        var today = LocalDate.now(clock);
        // one run at a time: each sees the levels the run before it raised
        jdbc.queryForList("select pg_advisory_xact_lock(?, 0)", RUN_LOCK);
        var runId = jdbc.queryForObject(
                "insert into dunning_run (run_on, run_at, run_by) values (?, ?, ?) returning id",
                Long.class,
                Date.valueOf(today),
                Timestamp.from(clock.instant()),
                by);
        var notices = new ArrayList<DunningNotice>();
        for (var item : jdbc.query(OVERDUE, Dunning::candidate, Date.valueOf(today))) {
            var level = item.level() + 1;
            if (level > properties.levels().size() || nextLevelOn(item).isAfter(today)) {
                continue;
            }
            bookings.lockAccount(item.memberNumber());
            var fee = properties.level(level).fee();
            Long feeItemId = null;
            String feeNumber = null;
            if (fee.signum() > 0) {
                feeNumber = item.documentNumber() + "-M" + level;
                feeItemId = bookings.openItemAdded(new NewOpenItem(
                                item.memberNumber(),
                                feeNumber,
                                OpenItemType.DUNNING_FEE,
                                today,
                                today.plus(properties.feePaymentTerm()),
                                fee,
                                NewOpenItem.EUR,
                                item.documentNumber()))
                        .orElse(null);
                if (feeItemId == null) {
                    // the fee of this level exists: another run raised the level concurrently
                    continue;
                }
            }
            if (!bookings.dunningLevelReached(item.id(), level, runId, today, item.open(), fee, feeItemId)) {
                throw new IllegalStateException(item.documentNumber() + " reached level " + level + " before");
            }
            facts.dunningLevelReached(
                    item.memberNumber(), item.documentNumber(), item.type(), level, today, item.open(), fee, feeNumber);
            if (feeItemId != null) {
                settlement.settle(item.memberNumber(), today);
                facts.allocationsMade(item.memberNumber(), AccountFacts.CREDIT_APPLIED);
            }
            notices.add(new DunningNotice(
                    item.memberNumber(),
                    item.documentNumber(),
                    item.type(),
                    item.dueOn(),
                    level,
                    today,
                    item.open(),
                    fee,
                    feeNumber));
        }
        return new Run(runId, today, notices);
    }

    /** The items in dunning or overdue, with the configured levels. */
    public Overview overview() {
        var today = LocalDate.now(clock);
        var items = jdbc.query(OVERDUE, Dunning::candidate, Date.valueOf(today)).stream()
                .map(item -> new Overdue(
                        item.memberNumber(),
                        item.documentNumber(),
                        item.type(),
                        item.dueOn(),
                        item.open(),
                        item.level(),
                        item.lastDunnedOn(),
                        item.level() < properties.levels().size() ? nextLevelOn(item) : null))
                .toList();
        return new Overview(today, properties.levels(), items);
    }

    /** The day the item's next level is due: its days after the due date, and the gap after the last notice. */
    private LocalDate nextLevelOn(Candidate item) {
        var level = item.level() + 1;
        var byDueDate = item.dueOn().plusDays(properties.level(level).daysAfterDue());
        if (item.lastDunnedOn() == null) {
            return byDueDate;
        }
        var byLastNotice = item.lastDunnedOn().plusDays(properties.daysAfterPrevious(level));
        return byLastNotice.isAfter(byDueDate) ? byLastNotice : byDueDate;
    }

    private static Candidate candidate(ResultSet row, int index) throws SQLException {
        var last = row.getDate("last_dunned_on");
        return new Candidate(
                row.getLong("id"),
                row.getLong("member_number"),
                row.getString("document_number"),
                OpenItemType.valueOf(row.getString("document_type")),
                row.getDate("due_on").toLocalDate(),
                row.getBigDecimal("open_amount"),
                row.getInt("dunning_level"),
                last == null ? null : last.toLocalDate());
    }
}
