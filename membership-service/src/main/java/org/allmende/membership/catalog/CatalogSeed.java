package org.allmende.membership.catalog;

import static org.allmende.events.membership.ServiceKind.GOODS;
import static org.allmende.events.membership.ServiceKind.SERVICE;
import static org.allmende.events.membership.ServiceUnit.DEVICE;
import static org.allmende.events.membership.ServiceUnit.FLAT;
import static org.allmende.events.membership.ServiceUnit.GB_MONTH;
import static org.allmende.events.membership.ServiceUnit.HOUR;
import static org.allmende.events.membership.ServiceUnit.PAGE;
import static org.allmende.events.membership.ServiceUnit.PIECE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The services of the municipal IT cooperative, defined at start where their code is missing
 * ({@code allmende.catalog.seed}, on by default), offered from {@code allmende.catalog.offered-from} (2026-01-01 by
 * default). Safe on every start and on several instances at once: a code
 * that exists is refused by its aggregate and left as it is, including versions the board published since.
 */
@Component
@ConditionalOnProperty(name = "allmende.catalog.seed", havingValue = "true", matchIfMissing = true)
class CatalogSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

    static final LocalDate OFFERED_FROM = LocalDate.of(2026, 1, 1);

    /** The services offered from the default date. */
    static final List<DefineCatalogService> SERVICES = services(OFFERED_FROM);

    /** The cooperative's services, offered from {@code offeredFrom}. */
    static List<DefineCatalogService> services(LocalDate offeredFrom) {
        return List.of(
                new DefineCatalogService("DC-HOSTING", "Data center hosting", GB_MONTH, SERVICE, offeredFrom),
                new DefineCatalogService("ADMIN-NET", "Administration network", FLAT, SERVICE, offeredFrom),
                new DefineCatalogService(
                        "RIS-TABLET", "Council information system tablets", DEVICE, SERVICE, offeredFrom),
                new DefineCatalogService("PRINT-PAGES", "Print service", PAGE, SERVICE, offeredFrom),
                new DefineCatalogService("PRINT-CARTRIDGE", "Print cartridges", PIECE, GOODS, offeredFrom),
                new DefineCatalogService("IT-SECURITY", "IT security", FLAT, SERVICE, offeredFrom),
                new DefineCatalogService("SUPPORT-HOURS", "Support hours", HOUR, SERVICE, offeredFrom));
    }

    private final CommandGateway commands;
    private final List<DefineCatalogService> services;

    /**
     * {@code allmende.catalog.offered-from}: the day the seeded services are offered from (a cooperative that starts
     * using Allmende with its history, or the local run's demo with a year of usage, sets an earlier day).
     */
    CatalogSeed(CommandGateway commands, @Value("${allmende.catalog.offered-from:2026-01-01}") String offeredFrom) {
        this.commands = commands;
        this.services = services(LocalDate.parse(offeredFrom.strip()));
    }

    @Override
    public void run(ApplicationArguments args) {
        var correlationId = "catalog-seed-" + UUID.randomUUID();
        var defined = 0;
        for (var service : services) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(service)
                        .andMetaData(Map.of("correlationId", correlationId, "user", "catalog-seed", "role", "")));
                defined++;
            } catch (CatalogChangeRefused e) {
                if (!CatalogChangeRefused.CODE_TAKEN.equals(e.rule())) {
                    throw e;
                }
            } catch (AggregateStreamCreationException | ConcurrencyException e) {
                // another instance defined it at the same moment
            }
        }
        log.info("catalog seed: {} of {} services defined, the others existed", defined, services.size());
    }
}
