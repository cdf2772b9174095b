package org.quorate.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture the code must keep, over the main classes of cluster-core, certs, qnetd and qdevice
 * (qdevice's test classpath holds all four; test classes and test-support are left out). Rules name
 * packages by pattern, so moving a class between modules does not need a rule change; a new decision
 * package is one more entry in {@link #DECISIONS}.
 */
@AnalyzeClasses(packages = "org.quorate",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.MainCodeOnly.class})
class ArchitectureTest {
    /** Pure decision code: given inputs and a clock value, it returns outcomes; the daemons do the effects. */
    static final String[] DECISIONS = {"org.quorate.qnetd.algorithm..", "org.quorate.votequorum..",
            "org.quorate.membership.."};

    private static final String[] IO_LOGGING_PACKAGES = {"java.nio.file..", "java.net..", "java.nio.channels..",
            "io.netty..", "org.slf4j..", "ch.qos.logback..", "java.util.logging..", "org.apache.logging.."};

    private static final Class<?>[] IO_AND_THREAD_CLASSES = {File.class, FileInputStream.class,
            FileOutputStream.class, FileReader.class, FileWriter.class, RandomAccessFile.class, Thread.class,
            Timer.class, Executor.class, ExecutorService.class, ScheduledExecutorService.class, Executors.class,
            ThreadPoolExecutor.class, ForkJoinPool.class, CompletableFuture.class};

    /** System.currentTimeMillis/nanoTime, and any {@code now()} or system clock of java.time. */
    private static final DescribedPredicate<JavaCall<?>> SYSTEM_CLOCK_CALL =
            new DescribedPredicate<>("a system clock (System.currentTimeMillis/nanoTime, java.time now()/Clock.system*)") {
                @Override
                public boolean test(JavaCall<?> call) {
                    JavaClass owner = call.getTargetOwner();
                    String name = call.getName();
                    if (owner.isEquivalentTo(System.class)) {
                        return name.equals("currentTimeMillis") || name.equals("nanoTime");
                    }
                    // Instant.now(), LocalDateTime.now(), Clock.systemUTC(), InstantSource.system(), ...
                    return owner.getPackageName().equals("java.time")
                            && (name.equals("now") || name.startsWith("system"));
                }
            };

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("org.quorate.(*)..")
            .should().beFreeOfCycles()
            .because("each top-level package (protocol, time, state, qnetd, qdevice, certs...) is a layer");

    @ArchTest
    static final ArchRule decisionsDoNoIoThreadsOrLogging = noClasses().that().resideInAnyPackage(DECISIONS)
            .should().dependOnClassesThat().resideInAnyPackage(IO_LOGGING_PACKAGES)
            .orShould().dependOnClassesThat().belongToAnyOf(IO_AND_THREAD_CLASSES)
            .because("decision algorithms are pure: I/O, threads and logging belong to the daemon around them");

    @ArchTest
    static final ArchRule decisionsReadTimeOnlyFromTheirClock = noClasses().that().resideInAnyPackage(DECISIONS)
            .should().callMethodWhere(SYSTEM_CLOCK_CALL)
            .because("decision algorithms take time from org.quorate.time.Clock, so tests replay them");

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

    /** Main classes of the daemon modules only: not test-support's fixtures (they may do anything). */
    static final class MainCodeOnly implements ImportOption {
        private static final Set<String> SKIPPED = Set.of("/org/quorate/testsupport/", "/org/quorate/bench/");

        @Override
        public boolean includes(Location location) {
            return SKIPPED.stream().noneMatch(location::contains);
        }
    }
}
