package org.allmende.membership;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "org.allmende.membership", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyPublishingAndIntakeTalkToKafka = noClasses()
            .that()
            .resideOutsideOfPackages("..publishing..", "..intake..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule webNeverTouchesAggregates = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Aggregate.class);

    @ArchTest
    static final ArchRule aggregatesTakeTimeAndIdsFromTheirCommands = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .callMethod(UUID.class, "randomUUID")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Clock.class);

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("org.allmende.membership.(*)..").should().beFreeOfCycles();
}
