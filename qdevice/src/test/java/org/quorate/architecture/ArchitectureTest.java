package org.quorate.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.quorate.testsupport.arch.PurityRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture the code must keep, over the main classes of cluster-core, certs, qnetd and qdevice
 * (qdevice's test classpath holds all four; test classes and test-support are left out). Rules name
 * packages by pattern, so moving a class between modules does not need a rule change; a new decision
 * package is one more entry in {@link #DECISIONS}. The node layer (votequorum, the simulator's reference
 * model) is in the node module, which the arbiter does not depend on; its own architecture test applies
 * the same {@link PurityRules} there.
 */
@AnalyzeClasses(packages = "org.quorate",
        importOptions = {ImportOption.DoNotIncludeTests.class, PurityRules.MainCodeOnly.class})
class ArchitectureTest {
    /** Pure decision code: given inputs and a clock value, it returns outcomes; the daemons do the effects. */
    static final String[] DECISIONS = {"org.quorate.qnetd.algorithm.."};

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("org.quorate.(*)..")
            .should().beFreeOfCycles()
            .because("each top-level package (protocol, time, state, qnetd, qdevice, certs...) is a layer");

    @ArchTest
    static final ArchRule decisionsDoNoIoThreadsOrLogging = PurityRules.noIoThreadsOrLogging(DECISIONS);

    @ArchTest
    static final ArchRule decisionsReadTimeOnlyFromTheirClock = PurityRules.timeOnlyFromTheClock(DECISIONS);

    @ArchTest
    static final ArchRule qnetdDoesNotUseQdevice = noClasses().that().resideInAPackage("org.quorate.qnetd..")
            .should().dependOnClassesThat().resideInAPackage("org.quorate.qdevice..")
            .because("the arbiter and its client share only the protocol in cluster-core");

    @ArchTest
    static final ArchRule qdeviceDoesNotUseQnetd = noClasses().that().resideInAPackage("org.quorate.qdevice..")
            .should().dependOnClassesThat().resideInAPackage("org.quorate.qnetd..")
            .because("the arbiter and its client share only the protocol in cluster-core");

    @ArchTest
    static final ArchRule sharedCodeDoesNotUseTheDaemons = noClasses()
            .that().resideOutsideOfPackages("org.quorate.qnetd..", "org.quorate.qdevice..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quorate.qnetd..", "org.quorate.qdevice..")
            .because("cluster-core and certs are below both daemons");

    @ArchTest
    static final ArchRule theArbiterDoesNotUseTheNodeLayer = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.quorate.conf..", "org.quorate.votequorum..",
                    "org.quorate.vqsim..", "org.quorate.membership..", "org.quorate.link..")
            .because("qnetd and qdevice ship without the node layer (module node); they share cluster-core only");
}
