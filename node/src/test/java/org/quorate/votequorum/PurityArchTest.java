package org.quorate.votequorum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The votequorum core and its messages stay pure: no I/O, no threads, no clock, no logging, no simulator. */
class PurityArchTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.quorate.votequorum", "org.quorate.vqsim");

    @Test
    void theCoreDoesNoIoNoThreadsAndReadsNoClock() {
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain(Votequorum.class)).as("rules see the core").isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().that()
                        .resideInAPackage("org.quorate.votequorum.service").should().dependOnClassesThat()
                        .resideInAPackage("org.quorate.time..").check(CLASSES))
                .as("the same kind of rule does catch the service's scheduler").isInstanceOf(AssertionError.class);
        noClasses().that().resideInAnyPackage("org.quorate.votequorum", "org.quorate.votequorum.message")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.util.concurrent..", "org.slf4j..", "org.quorate.time..")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .check(CLASSES);
    }

    @Test
    void noPartOfVotequorumLogsOrDoesIo() {
        noClasses().that().resideInAPackage("org.quorate.votequorum..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "org.slf4j..", "ch.qos.logback..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
                .check(CLASSES);
    }

    @Test
    void votequorumDoesNotKnowTheSimulator() {
        noClasses().that().resideInAPackage("org.quorate.votequorum..")
                .should().dependOnClassesThat().resideInAPackage("org.quorate.vqsim..")
                .check(CLASSES);
    }
}
