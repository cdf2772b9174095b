package org.quorate.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.quorate.testsupport.arch.PurityRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The node layer's architecture, over the main classes of node and cluster-core: the decision code is pure
 * (the same {@link PurityRules} as the arbiter's), the reference model of quorate-vqsim shares nothing with
 * the votequorum it checks, and the layers point one way: conf and votequorum below the simulator.
 */
@AnalyzeClasses(packages = "org.quorate",
        importOptions = {ImportOption.DoNotIncludeTests.class, PurityRules.MainCodeOnly.class})
class NodeArchitectureTest {
    /**
     * Pure code: votequorum (its service adapter too: timers go through org.quorate.time's Scheduler and
     * log lines out through its listener) and the reference model. State and events in, effects out.
     */
    static final String[] DECISIONS = {"org.quorate.votequorum..", "org.quorate.vqsim.reference.."};

    @ArchTest
    static final ArchRule decisionsDoNoIoThreadsOrLogging = PurityRules.noIoThreadsOrLogging(DECISIONS);

    @ArchTest
    static final ArchRule decisionsReadTimeOnlyFromTheirClock = PurityRules.timeOnlyFromTheClock(DECISIONS);

    @ArchTest
    static final ArchRule theReferenceModelSharesNothingWithVotequorum = noClasses()
            .that().resideInAPackage("org.quorate.vqsim.reference..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quorate.votequorum..", "org.quorate.vqsim.engine..",
                    "org.quorate.conf..")
            .because("S2 compares votequorum with a second implementation: a shared class would agree with itself");

    @ArchTest
    static final ArchRule votequorumAndTheEngineShareNothingWithTheReferenceModel = noClasses()
            .that().resideInAnyPackage("org.quorate.votequorum..", "org.quorate.vqsim.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.quorate.vqsim.reference..")
            .because("the code under test must not lean on the model that checks it");

    @ArchTest
    static final ArchRule votequorumDoesNotKnowTheSimulatorOrTheFile = noClasses()
            .that().resideInAPackage("org.quorate.votequorum..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quorate.vqsim..", "org.quorate.conf..")
            .because("votequorum reads cmap keys, as in corosync; the file and the simulator sit around it");

    @ArchTest
    static final ArchRule confDoesNotKnowVotequorum = noClasses()
            .that().resideInAPackage("org.quorate.conf..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quorate.votequorum..", "org.quorate.vqsim..")
            .because("corosync.conf is read by every part of the node layer and depends on none of them");

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("org.quorate.(*)..")
            .should().beFreeOfCycles()
            .because("conf, votequorum and vqsim are layers, over cluster-core's cluster, time and state");
}
