package com.engagementboard;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.engagementboard.engine.EngineClock;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Packages by capability, with no cycles between them; the web layer stays free of the engine. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.engagementboard");

    @Test
    void capabilitiesDoNotDependOnEachOtherInCycles() {
        slices().matching("com.engagementboard.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controllersNeverDriveTheProcessEngineDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
                .check(CLASSES);
    }

    @Test
    void theAuditTrailIsALeafThatNoCapabilityReachesInto() {
        // It hears every change through Hibernate's events; no capability calls it, so none can bypass or edit it.
        noClasses().that().resideOutsideOfPackage("com.engagementboard.audit..")
                .should().dependOnClassesThat().resideInAPackage("com.engagementboard.audit..")
                .check(CLASSES);
    }

    @Test
    void theApplicationReadsTheTimeFromItsClockOnly() {
        // The engine's clock is read in one place, the application's Clock, which carries the company's zone.
        noClasses().that().doNotHaveFullyQualifiedName("com.engagementboard.engine.EngineClock")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
                .check(CLASSES);
    }

    @Test
    void onlyTheDemoStoryMovesTheEnginesClock() {
        // Moving the engine's clock moves every timer, due date and record of the whole application: the demo story
        // does it on a first start (behind its gate), nothing else may.
        noClasses().that().resideOutsideOfPackages("com.engagementboard.demo..", "com.engagementboard.engine..")
                .should().callMethod(EngineClock.class, "travelTo", java.time.Instant.class)
                .orShould().callMethod(EngineClock.class, "backToNow")
                .check(CLASSES);
    }

    @Test
    void onlyTheDemoStoryConvenesASummitWithoutTheRequestsChecks() {
        noClasses().that().resideOutsideOfPackages("com.engagementboard.demo..", "com.engagementboard.summit..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.engagementboard.summit.SummitConvener")
                .check(CLASSES);
    }

    @Test
    void sharedWebPiecesDependOnNoCapability() {
        noClasses().that().resideInAPackage("com.engagementboard.web..")
                .should().dependOnClassesThat().resideInAnyPackage("com.engagementboard.organisation..",
                        "com.engagementboard.security..")
                .check(CLASSES);
    }
}
