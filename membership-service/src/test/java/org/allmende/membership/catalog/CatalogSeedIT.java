package org.allmende.membership.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The seed defines the cooperative's services once, whatever the number of starts, and only when asked to. */
class CatalogSeedIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static long definitions(RunningMembershipService service) {
        return service.bean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from domain_event_entry where payload_type like '%.CatalogServiceDefined'",
                        Long.class);
    }

    private static int servicesListed(RunningMembershipService service) {
        return service.api(DemoLogins.BOARD).get("/api/catalog").json().size();
    }

    @Test
    void theSeedDefinesEachServiceOnceAcrossRestartsAndKeepsWhatTheBoardPublished() {
        var database = SharedInfrastructure.unique("membership");
        var topic = SharedInfrastructure.unique("membership_topic");

        try (var unseeded = RunningMembershipService.start(database, topic, Map.of("allmende.catalog.seed", "false"))) {
            assertThat(definitions(unseeded)).isZero();
        }

        try (var seeded = RunningMembershipService.start(database, topic)) {
            assertThat(definitions(seeded)).isEqualTo(CatalogSeed.SERVICES.size());
            var published = seeded.api(DemoLogins.ADMIN)
                    .post(
                            "/api/catalog/SUPPORT-HOURS/versions",
                            Map.of(
                                    "name",
                                    "Support hours (contact person)",
                                    "unit",
                                    "HOUR",
                                    "kind",
                                    "SERVICE",
                                    "effectiveFrom",
                                    "2027-01-01"));
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
        }

        try (var restarted = RunningMembershipService.start(database, topic)) {
            assertThat(definitions(restarted)).isEqualTo(CatalogSeed.SERVICES.size());
            await().atMost(PATIENCE).until(() -> servicesListed(restarted) == CatalogSeed.SERVICES.size());
            var support = restarted
                    .api(DemoLogins.BOARD)
                    .get("/api/catalog/SUPPORT-HOURS?on=2027-01-01")
                    .json();
            assertThat(support.path("versions").size()).isEqualTo(2);
            assertThat(support.path("current").path("name").asText()).isEqualTo("Support hours (contact person)");
        }
    }
}
