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
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The services of the municipal IT cooperative, defined at start where their code is missing
 * ({@code allmende.catalog.seed}, on by default). Safe on every start and on several instances at once: a code
 * that exists is refused by its aggregate and left as it is, including versions the board published since.
 */
@Component
@ConditionalOnProperty(name = "allmende.catalog.seed", havingValue = "true", matchIfMissing = true)
class CatalogSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

    static final LocalDate OFFERED_FROM = LocalDate.of(2026, 1, 1);

    static final List<DefineCatalogService> SERVICES = List.of(
            new DefineCatalogService("DC-HOSTING", "Data center hosting", GB_MONTH, SERVICE, OFFERED_FROM),
            new DefineCatalogService("ADMIN-NET", "Administration network", FLAT, SERVICE, OFFERED_FROM),
            new DefineCatalogService("RIS-TABLET", "Council information system tablets", DEVICE, SERVICE, OFFERED_FROM),
            new DefineCatalogService("PRINT-PAGES", "Print service", PAGE, SERVICE, OFFERED_FROM),
            new DefineCatalogService("PRINT-CARTRIDGE", "Print cartridges", PIECE, GOODS, OFFERED_FROM),
            new DefineCatalogService("IT-SECURITY", "IT security", FLAT, SERVICE, OFFERED_FROM),
            new DefineCatalogService("SUPPORT-HOURS", "Support hours", HOUR, SERVICE, OFFERED_FROM));

    private final CommandGateway commands;

    CatalogSeed(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        var correlationId = "catalog-seed-" + UUID.randomUUID();
        var defined = 0;
        for (var service : SERVICES) {
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
        log.info("catalog seed: {} of {} services defined, the others existed", defined, SERVICES.size());
    }
}
