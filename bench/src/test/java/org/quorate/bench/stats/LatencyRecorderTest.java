package org.quorate.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long i = 100; i >= 1; i--) {
            recorder.record(i * 1_000_000);
        }
        LatencySummary summary = recorder.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Nanos()).isEqualTo(50_000_000);
        assertThat(summary.p99Nanos()).isEqualTo(99_000_000);
        assertThat(summary.maxNanos()).isEqualTo(100_000_000);
        assertThat(summary.millisText()).isEqualTo("50.00 / 99.00 / 100.00 ms");
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1234);
        assertThat(recorder.summary()).isEqualTo(new LatencySummary(1, 1234, 1234, 1234));
    }

    @Test
    void p99OfAThousandIgnoresTheTenWorstButOne() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 990; i++) {
            recorder.record(1_000);
        }
        for (int i = 0; i < 10; i++) {
            recorder.record(1_000_000 + i);
        }
        assertThat(recorder.summary().p99Nanos()).isEqualTo(1_000);
        assertThat(recorder.summary().maxNanos()).isEqualTo(1_000_009);
    }

    @Test
    void emptyRecorderHasNoNumbers() {
        LatencySummary summary = new LatencyRecorder().summary();
        assertThat(summary.isEmpty()).isTrue();
        assertThat(summary.millisText()).isEqualTo("n/a");
    }

    @Test
    void negativeLatencyIsRefused() {
        assertThatThrownBy(() -> new LatencyRecorder().record(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void percentileOutsideRangeIsRefused() {
        assertThatThrownBy(() -> LatencyRecorder.percentile(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyRecorder.percentile(new long[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplesFromManyThreadsAreAllKept() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 1; i <= 5_000; i++) {
                    recorder.record(i);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.count()).isEqualTo(20_000);
        assertThat(recorder.summary().maxNanos()).isEqualTo(5_000);
        assertThat(recorder.summary().p50Nanos()).isEqualTo(2_500);
    }

    @Test
    void cpuWindowIsShareOfOneCore() {
        // 150 ticks of 10 ms = 1.5 s of CPU in 3 s of wall time: half a core
        CpuWindow window = new CpuWindow(1_000, 1_150, 0, 3_000_000_000L, 100);
        assertThat(window.percentOfOneCore()).isEqualTo(50.0);
        assertThat(window.seconds()).isEqualTo(3.0);
        assertThatThrownBy(() -> new CpuWindow(0, 1, 5, 5, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateIsEventsPerSecond() {
        assertThat(Rate.perSecond(4_000, 2_000_000_000L)).isEqualTo(2_000.0);
        assertThat(Rate.perSecond(1, 0)).isNaN();
    }
}
