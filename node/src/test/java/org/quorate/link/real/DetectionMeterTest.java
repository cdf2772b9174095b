package org.quorate.link.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorate.link.real.DetectionMeter.Figures;
import org.quorate.link.real.DetectionMeter.Run;
import org.quorate.time.Clock;

/** The meter on a virtual clock, with a probe whose link goes down 1.8 s after a cut and up 2.7 s after a heal. */
class DetectionMeterTest {
    private long now;
    private final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public long currentTimeMillis() {
            return now / 1_000_000;
        }
    };

    private final class FakeProbe implements DetectionProbe {
        final long downAfter;
        final long upAfter;
        long cutAt = -1;
        long healedAt = -1;

        FakeProbe(Duration downAfter, Duration upAfter) {
            this.downAfter = downAfter.toNanos();
            this.upAfter = upAfter.toNanos();
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void cut() {
            cutAt = now;
            healedAt = -1;
        }

        @Override
        public void heal() {
            healedAt = now;
        }

        @Override
        public boolean isDisconnected() {
            now += 3_000_000; // one status query costs 3 ms
            if (cutAt < 0 || now - cutAt < downAfter) {
                return false;
            }
            return healedAt < 0 || now - healedAt < upAfter;
        }
    }

    private final DetectionMeter meter = new DetectionMeter(clock, d -> now += d.toNanos(), Duration.ofMillis(20),
            Duration.ofSeconds(30));

    @Test
    void measuresFromTheCutToTheFirstPollThatShowsIt() {
        List<String> log = new ArrayList<>();
        List<Run> runs = meter.measure(new FakeProbe(Duration.ofMillis(1800), Duration.ofMillis(2700)), 3,
                Duration.ofSeconds(12), log::add);
        assertThat(runs).hasSize(3).allSatisfy(r -> {
            assertThat(r.detected()).isBetween(Duration.ofMillis(1800), Duration.ofMillis(1800 + 23));
            assertThat(r.recovered()).isBetween(Duration.ofMillis(2700), Duration.ofMillis(2700 + 23));
        });
        assertThat(log).hasSize(3).allMatch(l -> l.startsWith("fake run "));
    }

    @Test
    void aLinkThatNeverGoesDownFailsNamingTheProbe() {
        assertThatThrownBy(() -> meter.measure(new FakeProbe(Duration.ofSeconds(60), Duration.ZERO), 1,
                Duration.ZERO, l -> { }))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fake: not disconnected within PT30S after cut 1");
    }

    @Test
    void figuresAreMinMedianMax() {
        Figures f = Figures.of(List.of(Duration.ofMillis(30), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofMillis(40)));
        assertThat(f).isEqualTo(new Figures(10, 30, 50));
        assertThat(Figures.of(List.of(Duration.ofMillis(10), Duration.ofMillis(20))).medianMs()).isEqualTo(15);
    }
}
