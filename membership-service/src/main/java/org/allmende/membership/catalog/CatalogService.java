package org.allmende.membership.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.CatalogServiceVersionPublished;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One service of the cooperative's catalog with its effective-dated versions. */
@Aggregate
public class CatalogService {

    @AggregateIdentifier
    private UUID serviceId;

    private String code;
    private int latestVersion;
    private LocalDate latestEffectiveFrom;

    protected CatalogService() {}

    /**
     * Created if missing: the id comes from the code, so defining a code that exists loads the existing service and
     * is refused here with a rule, rather than failing on the event store's unique key.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineCatalogService command) {
        if (serviceId != null) {
            throw CatalogChangeRefused.codeTaken(command.code());
        }
        apply(new CatalogServiceDefined(
                command.serviceId(),
                command.code(),
                command.name(),
                command.unit(),
                command.kind(),
                command.effectiveFrom()));
    }

    /** Returns the new version's number. */
    @CommandHandler
    int handle(PublishCatalogServiceVersion command) {
        if (!command.effectiveFrom().isAfter(latestEffectiveFrom)) {
            throw CatalogChangeRefused.versionNotAfterPrevious(code, command.effectiveFrom(), latestEffectiveFrom);
        }
        var version = latestVersion + 1;
        apply(new CatalogServiceVersionPublished(
                serviceId, code, version, command.name(), command.unit(), command.kind(), command.effectiveFrom()));
        return version;
    }

    @EventSourcingHandler
    void on(CatalogServiceDefined event) {
        serviceId = event.serviceId();
        code = event.code();
        latestVersion = 1;
        latestEffectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(CatalogServiceVersionPublished event) {
        latestVersion = event.version();
        latestEffectiveFrom = event.effectiveFrom();
    }
}
