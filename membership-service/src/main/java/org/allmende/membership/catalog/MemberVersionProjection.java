package org.allmende.membership.catalog;

import java.util.UUID;
import org.allmende.membership.config.AxonConfig;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.AggregateType;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version of each Member aggregate, from every one of its events (also those of other features), in the same
 * processor as the subscriptions: the version shown with a member's subscriptions is the one they reflect.
 */
@Component
@ProcessingGroup(AxonConfig.CATALOG)
class MemberVersionProjection {

    static final String MEMBER_AGGREGATE = "Member";

    private final JdbcTemplate jdbc;

    MemberVersionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            Object event,
            @AggregateType String aggregateType,
            @SourceId String aggregateId,
            @SequenceNumber Long sequenceNumber) {
        if (!MEMBER_AGGREGATE.equals(aggregateType) || sequenceNumber == null) {
            return;
        }
        jdbc.update(
                """
                insert into member_version (member_id, version) values (?, ?)
                on conflict (member_id) do update set version = greatest(member_version.version, excluded.version)
                """,
                UUID.fromString(aggregateId),
                sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from member_version");
    }
}
