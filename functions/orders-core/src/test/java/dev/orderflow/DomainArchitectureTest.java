package dev.orderflow;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain and its ports stay free of SDK and JSON types, and the domain needs nothing from the layers around it. */
@AnalyzeClasses(packages = "dev.orderflow", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainAndPorts_dependOnNoAwsOrJacksonTypes = noClasses()
            .that().resideInAnyPackage("dev.orderflow.domain..", "dev.orderflow.ports..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml..");

    @ArchTest
    static final ArchRule domain_dependsOnNoPortsWorkflowOrLogging = noClasses()
            .that().resideInAPackage("dev.orderflow.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.orderflow.ports..", "dev.orderflow.workflow..", "dev.orderflow.logging..");
}
