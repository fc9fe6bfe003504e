package org.allmende.billing.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.allmende.billing.contribution.BillingFacts.UsageRecordKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which late usage records an invoice corrected (ADR 0025). A draft notes the records its correction lines carry;
 * issuing it settles them under its number. The first invoice issued with a record settles it: a draft that carries a
 * record another invoice settled since is refused, so each record is corrected exactly once. Kept outside the usage
 * projections, which a rebuild truncates and replays.
 */
@Component
public class LateUsageSettlements {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LateUsageSettlements(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Notes the late records a draft's corrections carry; in the transaction that adds the draft. */
    public void attach(UUID draftId, Collection<UsageRecordKey> records) {
        if (records.isEmpty()) {
            return;
        }
        var keys = List.copyOf(records);
        jdbc.update(con -> {
            var statement = con.prepareStatement(
                    """
                    insert into draft_late_usage (draft_id, sending_system, record_id)
                    select ?, s, r from unnest(?::varchar[], ?::varchar[]) as k (s, r)
                    on conflict do nothing
                    """);
            statement.setObject(1, draftId);
            statement.setArray(
                    2,
                    con.createArrayOf(
                            "varchar",
                            keys.stream().map(UsageRecordKey::sendingSystem).toArray()));
            statement.setArray(
                    3,
                    con.createArrayOf(
                            "varchar",
                            keys.stream().map(UsageRecordKey::recordId).toArray()));
            return statement;
        });
    }

    /**
     * Settles the draft's late records under the invoice number it is being issued as; in the issuing transaction.
     * Returns the records another invoice settled first (the issue must then be refused: the draft would correct
     * them a second time).
     */
    public List<String> settle(UUID draftId, long memberNumber, String documentNumber) {
        jdbc.update(
                """
                insert into late_usage_settlement (sending_system, record_id, member_number, document_number,
                    settled_at)
                select sending_system, record_id, ?, ?, ? from draft_late_usage where draft_id = ?
                order by sending_system, record_id
                on conflict do nothing
                """,
                memberNumber,
                documentNumber,
                Timestamp.from(clock.instant()),
                draftId);
        return jdbc.queryForList(
                """
                select d.record_id || ' (settled by ' || s.document_number || ')'
                from draft_late_usage d join late_usage_settlement s
                    on s.sending_system = d.sending_system and s.record_id = d.record_id
                where d.draft_id = ? and s.document_number <> ?
                order by d.sending_system, d.record_id
                """,
                String.class,
                draftId,
                documentNumber);
    }
}
