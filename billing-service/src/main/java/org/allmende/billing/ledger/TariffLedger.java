package org.allmende.billing.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.tariff.PriceModelData;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The published price plans, version by version; what the contributions are calculated with. */
@Component
public class TariffLedger {

    // The stored JSON is the ledger's own format, independent of how the web layer's mapper is configured.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TariffLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a new version; false if one from that day or later exists already (history is not rewritten: a price
     * changes from a date after the latest version's).
     */
    public boolean publish(PricePlan plan, String recordedBy) {
        return jdbc.update(
                        """
                        insert into price_plan (service_code, effective_from, unit, kind, cost_sharing_eligible,
                            model, recorded_at, recorded_by)
                        select ?, ?, ?, ?, ?, ?::jsonb, ?, ?
                        where not exists (
                            select 1 from price_plan where service_code = ? and effective_from >= ?)
                        on conflict (service_code, effective_from) do nothing
                        """,
                        plan.serviceCode(),
                        Date.valueOf(plan.effectiveFrom()),
                        plan.unit().name(),
                        plan.kind().name(),
                        plan.costSharingEligible(),
                        JSON.writeValueAsString(PriceModelData.of(plan.model())),
                        Timestamp.from(clock.instant()),
                        recordedBy,
                        plan.serviceCode(),
                        Date.valueOf(plan.effectiveFrom()))
                == 1;
    }

    /** The versions, of one service or all, by code and date; with a day, only those in effect then. */
    public List<PricePlanView> versions(Optional<String> serviceCode, Optional<LocalDate> on) {
        var sql = new StringBuilder(
                """
                select * from (
                    select service_code, effective_from, unit, kind, cost_sharing_eligible, model::text as model,
                        recorded_at, recorded_by,
                        lead(effective_from) over (partition by service_code order by effective_from) - 1
                            as effective_to
                    from price_plan) versions
                where true
                """);
        var arguments = new ArrayList<Object>();
        serviceCode.ifPresent(code -> {
            sql.append(" and service_code = ?");
            arguments.add(code);
        });
        on.ifPresent(day -> {
            sql.append(" and effective_from <= ? and (effective_to is null or effective_to >= ?)");
            arguments.add(Date.valueOf(day));
            arguments.add(Date.valueOf(day));
        });
        sql.append(" order by service_code, effective_from");
        return jdbc.query(sql.toString(), TariffLedger::view, arguments.toArray());
    }

    /** All versions as the calculation takes them. */
    public Tariffs tariffs() {
        return new Tariffs(versions(Optional.empty(), Optional.empty()).stream()
                .map(TariffLedger::plan)
                .toList());
    }

    private static PricePlan plan(PricePlanView view) {
        return new PricePlan(
                view.serviceCode(),
                view.effectiveFrom(),
                view.effectiveTo(),
                view.unit(),
                view.kind(),
                view.costSharingEligible(),
                view.model().toModel());
    }

    private static PricePlanView view(ResultSet row, int index) throws SQLException {
        var to = row.getDate("effective_to");
        return new PricePlanView(
                row.getString("service_code"),
                row.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate(),
                ServiceUnit.valueOf(row.getString("unit")),
                ServiceKind.valueOf(row.getString("kind")),
                row.getBoolean("cost_sharing_eligible"),
                JSON.readValue(row.getString("model"), PriceModelData.class),
                row.getTimestamp("recorded_at").toInstant(),
                row.getString("recorded_by"));
    }
}
