package org.quorate.qdevice.heuristics;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.time.VirtualScheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RegularHeuristicsScheduleTest {
    private static final long INTERVAL = 30000;

    private final VirtualScheduler loop = new VirtualScheduler();
    private final FakeLauncher launcher = new FakeLauncher();
    private final HeuristicsExecutor executor = new HeuristicsExecutor(loop, Runnable::run, launcher,
            new HeuristicsLimits(false, 160, 1000), on());
    private final List<HeuristicsOutcome> results = new ArrayList<>();
    private boolean syncInProgress;
    private final RegularHeuristicsSchedule schedule =
            new RegularHeuristicsSchedule(loop, executor, () -> syncInProgress, results::add);

    private static HeuristicsSettings on() {
        return HeuristicsExecutorTest.settings(HeuristicsMode.ON, Map.of("a", "/bin/a"));
    }

    @Test
    void runsEveryIntervalCountedFromTheLastResult() {
        assertThat(schedule.start(on())).isTrue();

        loop.advance(INTERVAL - 1, TimeUnit.MILLISECONDS);
        assertThat(launcher.started).isEmpty();
        loop.advance(1, TimeUnit.MILLISECONDS);
        assertThat(launcher.started).hasSize(1);

        loop.advance(2000, TimeUnit.MILLISECONDS);
        launcher.started.get(0).exit(0);
        loop.runDue();
        assertThat(results).extracting(HeuristicsOutcome::result).containsExactly(HeuristicsResult.PASS);

        loop.advance(INTERVAL - 1, TimeUnit.MILLISECONDS);
        assertThat(launcher.started).as("no overlap: the next run waits a full interval").hasSize(1);
        loop.advance(1, TimeUnit.MILLISECONDS);
        assertThat(launcher.started).hasSize(2);
        launcher.started.get(1).exit(1);
        loop.runDue();
        assertThat(results).extracting(HeuristicsOutcome::result)
                .containsExactly(HeuristicsResult.PASS, HeuristicsResult.FAIL);
    }

    @Test
    void onlyModeOnWithCommandsIsPeriodic() {
        assertThat(schedule.start(HeuristicsExecutorTest.settings(HeuristicsMode.SYNC, Map.of("a", "/bin/a"))))
                .isFalse();
        assertThat(schedule.start(HeuristicsExecutorTest.settings(HeuristicsMode.ON, Map.of()))).isFalse();
        assertThat(schedule.start(HeuristicsExecutorTest.settings(HeuristicsMode.OFF, Map.of("a", "/bin/a"))))
                .isFalse();

        loop.advance(10 * INTERVAL, TimeUnit.MILLISECONDS);
        assertThat(launcher.started).isEmpty();
        assertThat(schedule.isActive()).isFalse();
    }

    @Test
    void stopDuringARunAbandonsItAndDropsItsResult() {
        schedule.start(on());
        loop.advance(INTERVAL, TimeUnit.MILLISECONDS);
        FakeLauncher.FakeProcess p = launcher.started.get(0);

        schedule.stop();
        loop.advance(10 * INTERVAL, TimeUnit.MILLISECONDS);

        assertThat(p.terminates).isEqualTo(1);
        assertThat(results).isEmpty();
        assertThat(launcher.started).hasSize(1);
    }

    @Test
    void restartAfterStopBeginsAFreshInterval() {
        schedule.start(on());
        loop.advance(INTERVAL / 2, TimeUnit.MILLISECONDS);
        schedule.stop();
        schedule.start(on());

        loop.advance(INTERVAL / 2, TimeUnit.MILLISECONDS);
        assertThat(launcher.started).isEmpty();
        loop.advance(INTERVAL / 2, TimeUnit.MILLISECONDS);
        assertThat(launcher.started).hasSize(1);
    }

    @Test
    void usesTheSyncTimeoutWhileSyncIsInProgress() {
        syncInProgress = true;
        schedule.start(on());
        loop.advance(INTERVAL, TimeUnit.MILLISECONDS);

        loop.advance(5000, TimeUnit.MILLISECONDS);
        assertThat(results).as("plain timeout (5 s) has passed").isEmpty();
        loop.advance(10000, TimeUnit.MILLISECONDS);
        assertThat(results).extracting(HeuristicsOutcome::result).containsExactly(HeuristicsResult.FAIL);
    }
}
