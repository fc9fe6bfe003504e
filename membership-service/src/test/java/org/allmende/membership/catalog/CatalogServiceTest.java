package org.allmende.membership.catalog;

import static org.allmende.events.membership.ServiceKind.GOODS;
import static org.allmende.events.membership.ServiceKind.SERVICE;
import static org.allmende.events.membership.ServiceUnit.DEVICE;
import static org.allmende.events.membership.ServiceUnit.FLAT;
import static org.allmende.events.membership.ServiceUnit.PIECE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.CatalogServiceVersionPublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final UUID TABLETS = CatalogServiceId.of("RIS-TABLET");

    private AggregateTestFixture<CatalogService> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogService.class);
    }

    private static CatalogServiceDefined tabletsDefined() {
        return new CatalogServiceDefined(
                TABLETS, "RIS-TABLET", "Council information system tablets", DEVICE, SERVICE, NEW_YEAR);
    }

    static Matcher<Object> refusedFor(String rule) {
        return new CustomTypeSafeMatcher<>("a catalog change refused for " + rule) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CatalogChangeRefused refused
                        && refused.rule().equals(rule);
            }
        };
    }

    @Test
    void theBoardDefinesAServiceWithItsFirstVersion() {
        fixture.givenNoPriorActivity()
                .when(new DefineCatalogService(
                        "RIS-TABLET", "Council information system tablets", DEVICE, SERVICE, NEW_YEAR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(tabletsDefined());
    }

    @Test
    void aCodeThatIsInTheCatalogCannotBeDefinedAgain() {
        fixture.given(tabletsDefined())
                .when(new DefineCatalogService("RIS-TABLET", "Tablets, second try", DEVICE, SERVICE, JULY))
                .expectNoEvents()
                .expectException(refusedFor("service-code-taken"));
    }

    @Test
    void aNewVersionMayChangeNameUnitAndKindFromALaterDate() {
        fixture.given(tabletsDefined())
                .when(new PublishCatalogServiceVersion("RIS-TABLET", "Tablets with keyboard", PIECE, GOODS, JULY))
                .expectResultMessagePayload(2)
                .expectEvents(new CatalogServiceVersionPublished(
                        TABLETS, "RIS-TABLET", 2, "Tablets with keyboard", PIECE, GOODS, JULY));
    }

    @Test
    void versionsAreNumberedInTheOrderTheyArePublished() {
        fixture.given(
                        tabletsDefined(),
                        new CatalogServiceVersionPublished(TABLETS, "RIS-TABLET", 2, "Tablets", FLAT, SERVICE, JULY))
                .when(new PublishCatalogServiceVersion(
                        "RIS-TABLET", "Tablets", DEVICE, SERVICE, LocalDate.of(2027, 1, 1)))
                .expectResultMessagePayload(3);
    }

    @Test
    void aVersionCannotTakeEffectBeforeThePreviousOne() {
        fixture.given(tabletsDefined())
                .when(new PublishCatalogServiceVersion(
                        "RIS-TABLET", "Tablets", DEVICE, SERVICE, LocalDate.of(2025, 12, 31)))
                .expectNoEvents()
                .expectException(refusedFor("version-not-after-previous"));
    }

    @Test
    void aVersionCannotTakeEffectOnTheSameDayAsThePreviousOne() {
        fixture.given(tabletsDefined())
                .when(new PublishCatalogServiceVersion("RIS-TABLET", "Tablets", DEVICE, SERVICE, NEW_YEAR))
                .expectNoEvents()
                .expectException(refusedFor("version-not-after-previous"));
    }

    @Test
    void theServiceIdIsDerivedFromTheCodeAlone() {
        assertThat(CatalogServiceId.of("RIS-TABLET"))
                .isEqualTo(UUID.fromString("73161a3f-ca4b-38b1-993a-e5f4e583b7a2"))
                .isEqualTo(new DefineCatalogService("RIS-TABLET", "x", DEVICE, SERVICE, NEW_YEAR).serviceId())
                .isNotEqualTo(CatalogServiceId.of("PRINT-PAGES"));
    }

    @Test
    void theSeedOffersTheCooperativesServicesFromNewYear2026UnderDistinctCodes() {
        assertThat(CatalogSeed.SERVICES)
                .extracting(DefineCatalogService::code)
                .containsExactly(
                        "DC-HOSTING",
                        "ADMIN-NET",
                        "RIS-TABLET",
                        "PRINT-PAGES",
                        "PRINT-CARTRIDGE",
                        "IT-SECURITY",
                        "SUPPORT-HOURS")
                .doesNotHaveDuplicates();
        assertThat(CatalogSeed.SERVICES)
                .allSatisfy(s -> assertThat(s.effectiveFrom()).isEqualTo(NEW_YEAR));
        assertThat(CatalogSeed.SERVICES)
                .filteredOn(s -> s.kind() == GOODS)
                .extracting(DefineCatalogService::code)
                .containsExactly("PRINT-CARTRIDGE");
    }

    @Test
    void theSeedOffersItsServicesFromTheConfiguredDay() {
        var earlier = LocalDate.of(2025, 11, 1);
        assertThat(CatalogSeed.services(earlier))
                .hasSameSizeAs(CatalogSeed.SERVICES)
                .allSatisfy(s -> assertThat(s.effectiveFrom()).isEqualTo(earlier));
    }
}
