package org.allmende.billing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.billing.ledger.CatalogLedger;
import org.allmende.billing.ledger.CatalogVersionView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog as billing knows it: every version with the days it applies. */
@RestController
class CatalogController {

    private final CatalogLedger catalog;

    CatalogController(CatalogLedger catalog) {
        this.catalog = catalog;
    }

    /** All versions; with {@code on}, the one version of each service in effect on that day. */
    @GetMapping("/api/catalog")
    List<CatalogVersionView> versions(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> on) {
        return catalog.versions(on);
    }
}
