package org.quorate.link.heartbeat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.heartbeat.HeartbeatRig.MS;

/**
 * Over random loss, jitter and cut times (each a seeded run, the state machine strict): traffic only on an up
 * link, and a cut of a link that carried traffic in steady state fails over within two ping intervals and is
 * down at corosync's time of its last pong.
 */
class LinkHeartbeatProperties {

    @Property(tries = 200)
    void aCutFailsOverWithinTwoIntervalsAndIsDownAtCorosyncsTime(@ForAll long seed,
                                                                 @ForAll @DoubleRange(min = 0, max = 0.1) double loss,
                                                                 @ForAll @IntRange(min = 0, max = 30) int jitterMs,
                                                                 @ForAll @LongRange(min = 20_000, max = 200_000) long cutMs) {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, seed);
        rig.lossOut = loss;
        rig.lossBack = loss;
        rig.jitterNanos = jitterMs * MS;
        rig.runUntil(cutMs * MS);
        assertThat(!rig.heartbeat.carriesTraffic() || rig.heartbeat.connected()).isTrue();
        boolean steady = rig.heartbeat.carriesTraffic()
                && rig.heartbeat.effectivePongTimeoutUs() == 1_500_000 + 2 * rig.heartbeat.score().latencyAvgUs();
        Statistics.collect(steady ? "steady at the cut" : "backed off or failed over at the cut");
        Statistics.coverage(checker -> checker.check("steady at the cut").percentage(p -> p > 60));
        rig.cut = true;
        long cutAt = rig.now();
        long failover = rig.runUntilTrue(() -> !rig.heartbeat.carriesTraffic(), cutAt + 30_000 * MS);
        long down = rig.runUntilTrue(() -> rig.heartbeat.state() == LinkState.DOWN, cutAt + 30_000 * MS);
        long lastPong = rig.lastPongArrival; // pongs already on the way when the cut came still arrive
        if (steady) {
            assertThat(failover - cutAt).isLessThanOrEqualTo(1500 * MS);
            long timeout = rig.heartbeat.effectivePongTimeoutUs() * 1000;
            assertThat(down - lastPong).isBetween(timeout, timeout + 200 * MS);
        }
        assertThat(down - lastPong).isLessThanOrEqualTo(15_000 * MS + 60 * MS + 200 * MS);
    }
}
