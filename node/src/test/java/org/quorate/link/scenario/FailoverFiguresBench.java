package org.quorate.link.scenario;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorate.link.LinkEvent;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover and detection figures over many seeds: cut link 0 both ways under traffic every 10 ms, measure when
 * the first message sent after the cut arrives (traffic on link 1) and when link 0 is declared down.
 */
@Tag("bench")
class FailoverFiguresBench {
    static final int SEEDS = 50;

    @Test
    void figuresAtTheDefaultAndTheFastProfile() {
        print("default 2 nodes (ping 750 ms, timeout 1500 ms)", s -> TestbedSpec.corosyncDefaults(2, 2, s));
        print("default 3 nodes (ping 912 ms, timeout 1825 ms)", s -> TestbedSpec.corosyncDefaults(3, 2, s));
        print("fast (ping 100 ms, timeout 200 ms, tick 50 ms)", s -> TestbedSpec.fast(2, 2, s));
    }

    private static void print(String name, java.util.function.LongFunction<TestbedSpec> profile) {
        long[] failover = new long[SEEDS];
        long[] down = new long[SEEDS];
        long unreachable = 0;
        Duration interval = null;
        for (int i = 0; i < SEEDS; i++) {
            TestbedSpec spec = profile.apply(1000 + i);
            interval = spec.pingInterval();
            try (SimTestbed bed = new SimTestbed(spec)) {
                LinkScenarios.warmUp(bed);
                // a random phase of the cut against the ping schedule
                bed.runFor(Duration.ofMillis(new java.util.SplittableRandom(spec.seed()).nextInt(1000)));
                Traffic t = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
                bed.runFor(Duration.ofSeconds(1));
                long cut = bed.nanos();
                bed.cutBothWays(1, 2, 0);
                bed.runFor(spec.pongTimeout().multipliedBy(4));
                failover[i] = t.firstDeliveredSentAfter(cut + 1).orElseThrow() - cut;
                down[i] = bed.recorder(1).events(2, 0, LinkEvent.Kind.DOWN).get(0).nanos() - cut;
                unreachable += LinkScenarios.unreachables(bed);
            }
        }
        System.out.printf("%s, %d seeds: failover ms %s; link-0 down ms %s; unreachable events %d%n", name, SEEDS,
                summary(failover), summary(down), unreachable);
        assertThat(Arrays.stream(failover).max().orElseThrow()).isLessThanOrEqualTo(interval.multipliedBy(2).toNanos());
        assertThat(unreachable).isZero();
    }

    private static String summary(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("min %.0f / median %.0f / p95 %.0f / max %.0f", s[0] / 1e6, s[s.length / 2] / 1e6,
                s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6, s[s.length - 1] / 1e6);
    }
}
