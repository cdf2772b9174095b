package org.quorate.testsupport.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Path;
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

/**
 * The purity rules for decision code (algorithms, votequorum, membership, the reference models), shared by
 * the ArchUnit tests of every module that has such code: no I/O, no threads, no logging, and time only from
 * the injected clock, so that seeded simulations replay them exactly.
 */
public final class PurityRules {
    private static final String[] IO_LOGGING_PACKAGES = {"java.nio.file..", "java.net..", "java.nio.channels..",
            "io.netty..", "org.slf4j..", "ch.qos.logback..", "java.util.logging..", "org.apache.logging.."};

    private static final Class<?>[] IO_AND_THREAD_CLASSES = {File.class, FileInputStream.class,
            FileOutputStream.class, FileReader.class, FileWriter.class, RandomAccessFile.class, Thread.class,
            Timer.class, Executor.class, ExecutorService.class, ScheduledExecutorService.class, Executors.class,
            ThreadPoolExecutor.class, ForkJoinPool.class, CompletableFuture.class};

    /**
     * A type of the I/O and logging packages. {@link Path} is left out: it is a name, and a pure model may
     * take one (a reload names its file) as long as something outside reads it.
     */
    private static final DescribedPredicate<JavaClass> IO_OR_LOGGING_TYPE =
            JavaClass.Predicates.resideInAnyPackage(IO_LOGGING_PACKAGES)
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Path.class)));

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

    private PurityRules() {
    }

    /** Classes in {@code packages} use no file or network I/O, no threads or executors and no logging. */
    public static ArchRule noIoThreadsOrLogging(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat(IO_OR_LOGGING_TYPE)
                .orShould().dependOnClassesThat().belongToAnyOf(IO_AND_THREAD_CLASSES)
                .because("decision code is pure: I/O, threads and logging belong to the daemon around it");
    }

    /** Classes in {@code packages} never read a system clock. */
    public static ArchRule timeOnlyFromTheClock(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().callMethodWhere(SYSTEM_CLOCK_CALL)
                .because("decision code takes time from org.quorate.time.Clock or as an argument, so runs replay");
    }

    /** Leaves out test-support's fixtures and the benchmarks (they may do anything). */
    public static final class MainCodeOnly implements ImportOption {
        private static final Set<String> SKIPPED = Set.of("/org/quorate/testsupport/", "/org/quorate/bench/");

        @Override
        public boolean includes(Location location) {
            return SKIPPED.stream().noneMatch(location::contains);
        }
    }
}
