package org.allmende.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.allmende.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    /** Consumers in any stack can read the contract: the facts themselves need nothing but the JDK. */
    @ArchTest
    static final ArchRule eventsDependOnTheJdkAlone = classes()
            .that()
            .resideInAnyPackage(
                    "org.allmende.events.membership..", "org.allmende.events.usage..", "org.allmende.events.billing..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "org.allmende.events.membership..",
                    "org.allmende.events.usage..",
                    "org.allmende.events.billing..");

    @ArchTest
    static final ArchRule eventsAreRecordsEnumsOrSealedInterfaces = classes()
            .that()
            .resideInAnyPackage("org.allmende.events.membership..", "org.allmende.events.billing..")
            .should()
            .beRecords()
            .orShould()
            .beEnums()
            .orShould()
            .beInterfaces();
}
