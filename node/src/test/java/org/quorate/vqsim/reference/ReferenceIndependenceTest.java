package org.quorate.vqsim.reference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The reference model shares no code with the votequorum it checks, in either direction. */
class ReferenceIndependenceTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.quorate.votequorum", "org.quorate.vqsim");

    @Test
    void referenceUsesNothingOfVotequorumOrTheSimulator() {
        noClasses().that().resideInAPackage("org.quorate.vqsim.reference..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quorate.votequorum..", "org.quorate.vqsim.engine..",
                        "org.quorate.conf..")
                .check(CLASSES);
    }

    @Test
    void votequorumAndTheSimulatorUseNothingOfTheReference() {
        noClasses().that().resideInAnyPackage("org.quorate.votequorum..", "org.quorate.vqsim.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.quorate.vqsim.reference..")
                .check(CLASSES);
    }
}
