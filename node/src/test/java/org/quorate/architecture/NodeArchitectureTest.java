package org.quorate.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.quorate.link.crypto.AuthKey;
import org.quorate.testsupport.arch.PurityRules;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;

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

    /**
     * The link layer's decision packages that are pure without exception: packet format, heartbeat,
     * selection, PMTU discovery and the data path. The engine wires them to sockets, timers and logs.
     */
    static final String[] LINK_DECISIONS = {"org.quorate.link.wire..", "org.quorate.link.heartbeat..",
            "org.quorate.link.select..", "org.quorate.link.pmtud..", "org.quorate.link.data.."};

    /**
     * Crypto and status are decision code too, with two allowances: status records carry socket addresses
     * (values: {@code InetSocketAddress} and {@code InetAddress}, no lookup), and {@code AuthKey.read(Path)} reads
     * the key file (the API on main put it there; corosync-keygen's format checks live with the key).
     */
    static final String[] LINK_DECISIONS_WITH_ADDRESSES = {"org.quorate.link.crypto..", "org.quorate.link.status.."};

    private static final DescribedPredicate<JavaClass> IO_OR_LOGGING_BUT_ADDRESS_VALUES =
            JavaClass.Predicates.resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..",
                            "io.netty..", "org.slf4j..", "ch.qos.logback..", "java.util.logging..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(InetSocketAddress.class,
                            InetAddress.class, Inet4Address.class, Inet6Address.class, Path.class)));

    @ArchTest
    static final ArchRule linkDecisionsDoNoIoThreadsOrLogging = PurityRules.noIoThreadsOrLogging(LINK_DECISIONS);

    @ArchTest
    static final ArchRule linkDecisionsReadTimeOnlyFromTheirClock = PurityRules.timeOnlyFromTheClock(LINK_DECISIONS);

    @ArchTest
    static final ArchRule linkCryptoAndStatusDoNoIoThreadsOrLogging = noClasses()
            .that().resideInAnyPackage(LINK_DECISIONS_WITH_ADDRESSES).and().doNotBelongToAnyOf(AuthKey.class)
            .should().dependOnClassesThat(IO_OR_LOGGING_BUT_ADDRESS_VALUES)
            .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, Timer.class, Executor.class,
                    ExecutorService.class, ScheduledExecutorService.class, Executors.class, ForkJoinPool.class,
                    CompletableFuture.class)
            .because("crypto and status decide and describe; sockets, files, threads and logs are the engine's");

    @ArchTest
    static final ArchRule linkCryptoAndStatusReadTimeOnlyFromTheirClock =
            PurityRules.timeOnlyFromTheClock(LINK_DECISIONS_WITH_ADDRESSES);

    @ArchTest
    static final ArchRule theLinkLayerKnowsNeitherVotequorumNorTheSimulator = noClasses()
            .that().resideInAPackage("org.quorate.link..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quorate.votequorum..", "org.quorate.vqsim..")
            .because("the link layer sits below membership and votequorum");

    @ArchTest
    static final ArchRule theLinkLayerReadsCorosyncConfOnlyThroughItsConfig = noClasses()
            .that().resideInAPackage("org.quorate.link..")
            .and().resideOutsideOfPackage("org.quorate.link.config..")
            .should().dependOnClassesThat().resideInAPackage("org.quorate.conf..")
            .because("corosync.conf reaches the layer, its diagnostic program included, only as link.config's "
                    + "typed records");

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
