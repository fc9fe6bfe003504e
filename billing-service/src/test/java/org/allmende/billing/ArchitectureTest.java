package org.allmende.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.allmende.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyIntakeTalksToKafka = noClasses()
            .that()
            .resideOutsideOfPackages("..intake..", "..publishing..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule ledgerKnowsNothingOfTheWebOrTheIntake = noClasses()
            .that()
            .resideInAPackage("..ledger..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.allmende.billing.web..", "org.allmende.billing.intake..");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("org.allmende.billing.(*)..").should().beFreeOfCycles();
}
