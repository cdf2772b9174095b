package org.quorate.qdevice.heuristics;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.time.VirtualScheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Timeouts, kill list and run bookkeeping with fake processes under virtual time. */
class HeuristicsExecutorTest {
    private static final long TIMEOUT = 5000;
    private static final long SYNC_TIMEOUT = 15000;
    private static final long KILL_INTERVAL = 1000;

    private final VirtualScheduler loop = new VirtualScheduler();
    private final FakeLauncher launcher = new FakeLauncher();
    private final List<HeuristicsOutcome> outcomes = new ArrayList<>();
    private HeuristicsExecutor executor;

    @BeforeEach
    void setUp() {
        executor = executor(new HeuristicsLimits(false, 160, KILL_INTERVAL),
                settings(HeuristicsMode.ON, Map.of("a", "/bin/a", "b", "/bin/b --flag")));
    }

    private HeuristicsExecutor executor(HeuristicsLimits limits, HeuristicsSettings settings) {
        return new HeuristicsExecutor(loop, Runnable::run, launcher, limits, settings);
    }

    static HeuristicsSettings settings(HeuristicsMode mode, Map<String, String> execs) {
        return new HeuristicsSettings(mode, TIMEOUT, SYNC_TIMEOUT, 30000, new TreeMap<>(execs));
    }

    @Test
    void passesOnlyWhenEveryCommandExitedZero() {
        executor.runConnect(false, outcomes::add);
        loop.runDue();

        assertThat(launcher.started).extracting(p -> p.argv)
                .containsExactly(List.of("/bin/a"), List.of("/bin/b", "--flag"));
        launcher.process("/bin/a").exit(0);
        loop.runDue();
        assertThat(outcomes).isEmpty();

        launcher.process("/bin/b").exit(0);
        loop.runDue();
        assertThat(outcomes).containsExactly(HeuristicsOutcome.pass(HeuristicsKind.CONNECT));
        assertThat(executor.liveProcesses()).isZero();
    }

    @Test
    void firstNonZeroExitFailsAtOnceAndTerminatesTheRest() {
        executor.runRegular(false, outcomes::add);
        loop.runDue();

        launcher.process("/bin/b").exit(3);
        loop.runDue();

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(HeuristicsResult.FAIL);
            assertThat(o.problems()).containsExactly("quorum.device.heuristics.exec_b exited with status 3");
        });
        assertThat(launcher.process("/bin/a").terminates).isEqualTo(1);
    }

    @Test
    void disabledHeuristicsGiveUndefinedWithoutStartingAnything() {
        HeuristicsExecutor off = executor(new HeuristicsLimits(false, 160, KILL_INTERVAL),
                settings(HeuristicsMode.OFF, Map.of("a", "/bin/a")));
        HeuristicsExecutor empty = executor(new HeuristicsLimits(false, 160, KILL_INTERVAL),
                settings(HeuristicsMode.ON, Map.of()));

        off.runMembership(outcomes::add);
        empty.runRegular(false, outcomes::add);
        loop.runDue();

        assertThat(outcomes).extracting(HeuristicsOutcome::result)
                .containsExactly(HeuristicsResult.UNDEFINED, HeuristicsResult.UNDEFINED);
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void membershipRunTimesOutAfterTheSyncTimeout() {
        executor.runMembership(outcomes::add);
        loop.runDue();
        launcher.process("/bin/a").exit(0);

        loop.advance(SYNC_TIMEOUT - 1, TimeUnit.MILLISECONDS);
        assertThat(outcomes).isEmpty();
        loop.advance(1, TimeUnit.MILLISECONDS);

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(HeuristicsResult.FAIL);
            assertThat(o.problems()).containsExactly(
                    "quorum.device.heuristics.exec_b did not finish within 15000 ms");
        });
        assertThat(launcher.process("/bin/b").terminates).isEqualTo(1);
    }

    @Test
    void regularAndConnectRunsUseTheSyncTimeoutOnlyWhileSyncIsInProgress() {
        executor.runRegular(false, outcomes::add);
        executor.runConnect(true, outcomes::add);
        loop.runDue();

        loop.advance(TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(outcomes).extracting(HeuristicsOutcome::kind).containsExactly(HeuristicsKind.REGULAR);
        loop.advance(SYNC_TIMEOUT - TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(outcomes).extracting(HeuristicsOutcome::kind)
                .containsExactly(HeuristicsKind.REGULAR, HeuristicsKind.CONNECT);
    }

    @Test
    void stragglersGetSigtermThenSigkillEveryKillListInterval() {
        launcher.ignoreSigterm = true;
        executor.runRegular(false, outcomes::add);
        loop.runDue();
        loop.advance(TIMEOUT, TimeUnit.MILLISECONDS);
        FakeLauncher.FakeProcess a = launcher.process("/bin/a");

        assertThat(a.terminates).isEqualTo(1);
        assertThat(a.kills).isZero();
        assertThat(executor.liveProcesses()).isEqualTo(2);

        loop.advance(KILL_INTERVAL, TimeUnit.MILLISECONDS);
        assertThat(a.kills).isEqualTo(1);
        assertThat(executor.liveProcesses()).as("dead, not yet confirmed").isEqualTo(2);

        loop.advance(KILL_INTERVAL, TimeUnit.MILLISECONDS);
        assertThat(executor.liveProcesses()).isZero();
        assertThat(loop.pendingTasks()).isZero();
    }

    @Test
    void relativePathFailsWithAWarningNamingKeyAndPathAndStartsNothing() {
        HeuristicsExecutor relative = executor(new HeuristicsLimits(false, 160, KILL_INTERVAL),
                settings(HeuristicsMode.SYNC, Map.of("ping", "ping -c1 gw", "ok", "/bin/ok")));
        try (LogCapture log = new LogCapture(HeuristicsExecutor.class)) {
            relative.runMembership(outcomes::add);
            loop.runDue();

            assertThat(log.warnings()).singleElement().asString()
                    .contains("quorum.device.heuristics.exec_ping", "'ping'");
        }
        assertThat(outcomes).singleElement().extracting(HeuristicsOutcome::result).isEqualTo(HeuristicsResult.FAIL);
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void execvpAllowsBareNamesAndAsksForAPathSearch() {
        HeuristicsExecutor execvp = executor(new HeuristicsLimits(true, 160, KILL_INTERVAL),
                settings(HeuristicsMode.ON, Map.of("ping", "ping -c1 gw")));

        execvp.runRegular(false, outcomes::add);
        loop.runDue();
        launcher.process("ping").exit(0);
        loop.runDue();

        assertThat(launcher.searchPath).containsExactly(true);
        assertThat(outcomes).extracting(HeuristicsOutcome::result).containsExactly(HeuristicsResult.PASS);
    }

    @Test
    void missingProgramFailsWithAWarningNamingKeyAndPath() {
        launcher.missing.add("/bin/b");
        try (LogCapture log = new LogCapture(HeuristicsExecutor.class)) {
            executor.runRegular(false, outcomes::add);
            loop.runDue();

            assertThat(log.warnings()).singleElement().asString()
                    .contains("quorum.device.heuristics.exec_b", "'/bin/b'", "No such file");
        }
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(HeuristicsResult.FAIL);
            assertThat(o.problems().get(0)).startsWith("quorum.device.heuristics.exec_b: cannot run '/bin/b'");
        });
        assertThat(launcher.process("/bin/a").terminates).isEqualTo(1);
    }

    @Test
    void runFailsFastWhenItWouldExceedMaxProcesses() {
        HeuristicsExecutor limited = executor(new HeuristicsLimits(false, 3, KILL_INTERVAL),
                settings(HeuristicsMode.ON, Map.of("a", "/bin/a", "b", "/bin/b")));
        launcher.ignoreSigterm = true;
        limited.runRegular(false, outcomes::add);
        loop.runDue();
        loop.advance(TIMEOUT, TimeUnit.MILLISECONDS); // two stragglers now on the kill list

        try (LogCapture log = new LogCapture(HeuristicsExecutor.class)) {
            limited.runConnect(false, outcomes::add);
            loop.runDue();
            assertThat(log.warnings()).singleElement().asString().contains("heuristics_max_processes (3)");
        }
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(1).result()).isEqualTo(HeuristicsResult.FAIL);
        assertThat(launcher.started).hasSize(2);

        loop.advance(2 * KILL_INTERVAL, TimeUnit.MILLISECONDS); // SIGKILL, then confirmed dead
        limited.runConnect(false, outcomes::add);
        loop.runDue();
        assertThat(launcher.started).hasSize(4);
    }

    @Test
    void newerRequestOfTheSameKindSupersedesTheRunningOne() {
        List<HeuristicsOutcome> first = new ArrayList<>();
        executor.runRegular(false, first::add);
        loop.runDue();
        List<FakeLauncher.FakeProcess> old = List.copyOf(launcher.started);

        executor.runRegular(false, outcomes::add);
        loop.runDue();
        assertThat(old).allSatisfy(p -> assertThat(p.terminates).isEqualTo(1));
        launcher.started.subList(2, 4).forEach(p -> p.exit(0));
        loop.advance(SYNC_TIMEOUT, TimeUnit.MILLISECONDS);

        assertThat(first).isEmpty();
        assertThat(outcomes).extracting(HeuristicsOutcome::result).containsExactly(HeuristicsResult.PASS);
    }

    @Test
    void otherKindsRunUndisturbedAndCancelAbandonsOnlyItsKind() {
        List<HeuristicsOutcome> regular = new ArrayList<>();
        executor.runRegular(false, regular::add);
        executor.runMembership(outcomes::add);
        loop.runDue();
        executor.cancel(HeuristicsKind.REGULAR);
        loop.runDue();

        launcher.started.forEach(p -> p.exit(0)); // the regular ones were already terminated
        loop.advance(SYNC_TIMEOUT, TimeUnit.MILLISECONDS);

        assertThat(regular).isEmpty();
        assertThat(outcomes).containsExactly(HeuristicsOutcome.pass(HeuristicsKind.MEMBERSHIP));
        assertThat(launcher.started.subList(0, 2)).allSatisfy(p -> assertThat(p.terminates).isEqualTo(1));
        assertThat(launcher.started.subList(2, 4)).allSatisfy(p -> assertThat(p.terminates).isZero());
    }

    @Test
    void callbackRunsAsItsOwnLoopTaskSoItMayStartTheNextRun() {
        executor.reconfigure(settings(HeuristicsMode.ON, Map.of()));
        List<HeuristicsOutcome> chained = new ArrayList<>();
        executor.runRegular(false, o -> {
            outcomes.add(o);
            executor.runRegular(false, chained::add);
        });
        assertThat(outcomes).as("nothing runs on the caller's stack").isEmpty();

        loop.runDue();
        assertThat(outcomes).hasSize(1);
        assertThat(chained).hasSize(1);
    }

    @Test
    void reconfigureAppliesToLaterRuns() {
        executor.reconfigure(settings(HeuristicsMode.ON, Map.of("c", "/bin/c")));
        executor.runRegular(false, outcomes::add);
        loop.runDue();

        assertThat(launcher.started).extracting(p -> p.argv.get(0)).containsExactly("/bin/c");
    }

    @Test
    void closeAbandonsRunsAndKillsEverything() {
        launcher.ignoreSigterm = true;
        executor.runRegular(false, outcomes::add);
        loop.runDue();

        executor.close();
        loop.runDue();
        executor.runRegular(false, outcomes::add);
        loop.advance(SYNC_TIMEOUT, TimeUnit.MILLISECONDS);

        assertThat(outcomes).isEmpty();
        assertThat(launcher.started).hasSize(2).allSatisfy(p -> assertThat(p.kills).isPositive());
    }

    @Test
    void launchesThatArriveAfterTheRunEndedAreKilledAndForksNotYetMadeAreSkipped() {
        List<Runnable> workers = new ArrayList<>();
        HeuristicsExecutor deferred = new HeuristicsExecutor(loop, workers::add, launcher,
                new HeuristicsLimits(false, 160, KILL_INTERVAL),
                settings(HeuristicsMode.ON, Map.of("a", "/bin/a", "b", "/bin/b")));
        deferred.runRegular(false, outcomes::add);
        loop.runDue();
        assertThat(deferred.liveProcesses()).as("reserved before the fork").isEqualTo(2);

        launcher.duringStart = () -> {
            deferred.cancel(HeuristicsKind.REGULAR);
            loop.runDue();
        };
        workers.forEach(Runnable::run); // forks /bin/a while the run is being cancelled, then skips /bin/b
        assertThat(deferred.liveProcesses()).isEqualTo(2);
        loop.runDue();

        assertThat(launcher.started).singleElement().satisfies(p -> assertThat(p.terminates).isEqualTo(1));
        assertThat(deferred.liveProcesses()).as("/bin/a on the kill list until the next check").isEqualTo(1);
        loop.advance(KILL_INTERVAL, TimeUnit.MILLISECONDS);
        assertThat(deferred.liveProcesses()).isZero();
        assertThat(outcomes).isEmpty();
    }
}
