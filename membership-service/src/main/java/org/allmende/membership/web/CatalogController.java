package org.allmende.membership.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allmende.membership.catalog.Catalog;
import org.allmende.membership.catalog.CatalogServiceId;
import org.allmende.membership.catalog.CatalogServiceView;
import org.allmende.membership.catalog.DefineCatalogService;
import org.allmende.membership.catalog.PublishCatalogServiceVersion;
import org.allmende.support.web.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service catalog: every login reads it, the board (and admins) define services and publish versions. */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final CommandGateway commands;
    private final Catalog catalog;
    private final Clock clock;

    CatalogController(CommandGateway commands, Catalog catalog, Clock clock) {
        this.commands = commands;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every service with the version in effect on {@code on} (default: today). */
    @GetMapping
    List<CatalogServiceView> all(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        return catalog.services(on.orElseGet(this::today));
    }

    @GetMapping("/{code}")
    CatalogServiceView one(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        return catalog.service(code, on.orElseGet(this::today)).orElseThrow(() -> notFound(code));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> define(@Valid @RequestBody CatalogServiceForm form) {
        commands.sendAndWait(new DefineCatalogService(
                form.code(), form.name().strip(), form.unit(), form.kind(), form.effectiveFrom()));
        return ResponseEntity.created(URI.create("/api/catalog/" + form.code()))
                .body(Map.of("code", form.code(), "serviceId", CatalogServiceId.of(form.code()), "version", 1));
    }

    @PostMapping("/{code}/versions")
    ResponseEntity<Map<String, Object>> publish(
            @PathVariable String code, @Valid @RequestBody CatalogVersionForm form) {
        try {
            int version = commands.sendAndWait(new PublishCatalogServiceVersion(
                    code, form.name().strip(), form.unit(), form.kind(), form.effectiveFrom()));
            return ResponseEntity.created(URI.create("/api/catalog/" + code))
                    .body(Map.of("code", code, "version", version));
        } catch (AggregateNotFoundException e) {
            throw notFound(code);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static NotFound notFound(String code) {
        return new NotFound("The catalog has no service " + code + ".");
    }
}
