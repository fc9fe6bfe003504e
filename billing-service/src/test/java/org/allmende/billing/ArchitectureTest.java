package org.allmende.billing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.Serializable;

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
    static final ArchRule paymentsKnowNothingOfTheWebOrTheIntake = noClasses()
            .that()
            .resideInAPackage("..payment..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.allmende.billing.web..", "org.allmende.billing.intake..");

    /** Bank formats (camt.053, pain.008, IBAN rules) stay behind the payment package's own records. */
    @ArchTest
    static final ArchRule onlyPaymentsReadAndWriteBankFormats = noClasses()
            .that()
            .resideOutsideOfPackage("..payment..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.prowidesoftware..");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("org.allmende.billing.(*)..").should().beFreeOfCycles();

    /**
     * Tariffs and contributions are pure: plain values and rules over {@code java.*} and the contract's money and
     * catalog types, so a calculation can do no I/O, read no clock, and run the same in a test as in an invoice run.
     * Jackson's annotations (metadata, no behaviour) may shape the JSON of {@code PriceModelData}.
     */
    @ArchTest
    static final ArchRule tariffsAndContributionsArePure = classes()
            .that()
            .resideInAnyPackage("org.allmende.billing.tariff..", "org.allmende.billing.contribution..")
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage(
                            "java.lang..",
                            "java.math..",
                            "java.time..",
                            "java.util..",
                            "org.allmende.billing.tariff..",
                            "org.allmende.billing.contribution..",
                            "org.allmende.events.money..",
                            "org.allmende.events.membership..",
                            "com.fasterxml.jackson.annotation..")
                    // a marker: a tariff form's data may wait in the page session (ADR 0030); no I/O comes with it
                    .or(equivalentTo(Serializable.class)));

    /**
     * E-invoices are rendered from their own input model alone: whoever issues a document loads what it needs and
     * hands it over, so rendering does no I/O of its own and can run anywhere, as often as asked.
     */
    @ArchTest
    static final ArchRule eInvoicesRenderFromTheirInputAlone = noClasses()
            .that()
            .resideInAPackage("org.allmende.billing.einvoice..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.allmende.billing.ledger..",
                    "org.allmende.billing.intake..",
                    "org.allmende.billing.web..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule tariffsKnowNothingOfContributions = noClasses()
            .that()
            .resideInAPackage("org.allmende.billing.tariff..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.allmende.billing.contribution..");
}
