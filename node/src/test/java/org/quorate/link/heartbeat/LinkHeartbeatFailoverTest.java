package org.quorate.link.heartbeat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.heartbeat.HeartbeatRig.MS;

/**
 * Quorate's failover, apart from the down: a cut link stops carrying traffic within two ping intervals and is
 * declared down at corosync's time; a short outage moves traffic away and back without any down.
 */
class LinkHeartbeatFailoverTest {
    private static final long STEADY = 60_200 * MS; // a ping tick, long after the backoff decayed

    @ParameterizedTest(name = "cut {0} ms into a ping period")
    @ValueSource(longs = {1, 50, 199, 200, 333, 600, 799})
    void aCutLinkStopsCarryingTrafficWithinTwoPingIntervalsAndIsDownAtCorosyncsTime(long phaseMs) {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        long cutAt = STEADY + phaseMs * MS;
        rig.runUntil(cutAt);
        assertThat(rig.heartbeat.carriesTraffic()).isTrue();
        rig.cut = true;
        long lastPong = rig.lastPongArrival;

        long failover = rig.runUntilTrue(() -> !rig.heartbeat.carriesTraffic(), cutAt + 10_000 * MS);
        assertThat(rig.heartbeat.connected()).as("failover is not a down").isTrue();
        assertThat(failover - cutAt).isLessThanOrEqualTo(2 * 750 * MS);
        // the ping after the last answered one (800 ms later), then one probe round (a tick) both overdue
        assertThat(failover - (lastPong - 200_000)).isEqualTo(1200 * MS);

        long down = rig.runUntilTrue(() -> !rig.heartbeat.connected(), cutAt + 10_000 * MS);
        assertThat(down - lastPong).isBetween(1_500_400_000L, 1_500_400_000L + 200 * MS);
        assertThat(rig.failovers).isEqualTo(1);
        assertThat(rig.downs).isEqualTo(1);
        assertThat(rig.probes).as("three rounds of two probes, on the ticks between the first overdue ping and the down").isEqualTo(6);
    }

    @Test
    void trafficReturnsAfterThreeGoodPongsInARowWithoutADown() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntil(STEADY + 100 * MS);
        rig.cut = true;
        long failover = rig.runUntilTrue(() -> !rig.heartbeat.carriesTraffic(), STEADY + 5_000 * MS);
        assertThat(failover).isEqualTo(STEADY + 1200 * MS);
        rig.runUntil(STEADY + 1300 * MS);
        rig.cut = false;

        long back = rig.runUntilTrue(rig.heartbeat::carriesTraffic, STEADY + 5_000 * MS);
        // the probe round at +1400 answers twice, the periodic ping at +1600 a third time
        assertThat(back).isEqualTo(STEADY + 1600 * MS + 200_000);
        rig.runUntil(STEADY + 60_000 * MS);
        assertThat(rig.downs).isZero();
        assertThat(rig.failovers).isEqualTo(1);
        assertThat(rig.recoveries).isEqualTo(1);
        assertThat(rig.log).anyMatch(line -> line.contains("traffic true: 3 good pongs in a row"));
    }

    @Test
    void withoutProbesTheSameShortOutageIsADown() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.corosyncPlain(), 1);
        rig.runUntil(STEADY + 100 * MS);
        rig.cut = true;
        rig.runUntil(STEADY + 1300 * MS);
        rig.cut = false;
        rig.runUntil(STEADY + 5_000 * MS);
        // corosync: one lost round trip leaves 1600 ms between pongs, over the 1500.4 ms timeout
        assertThat(rig.downs).isEqualTo(1);
        assertThat(rig.downTimes).containsExactly(STEADY + 1600 * MS);
        assertThat(rig.probes).isZero();
    }

    @Test
    void oneLostRoundTripIsADownUnderCorosyncsRuleAndNothingWithProbes() {
        for (boolean probes : new boolean[]{false, true}) {
            HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS.withSuspicionProbes(probes), 1);
            rig.runUntil(STEADY + 700 * MS);
            rig.cut = true; // only the ping at +800 is lost
            rig.runUntil(STEADY + 900 * MS);
            rig.cut = false;
            rig.runUntil(STEADY + 10_000 * MS);
            assertThat(rig.downs).as("downs, probes " + probes).isEqualTo(probes ? 0 : 1);
            assertThat(rig.failovers).as("failovers, probes " + probes).isZero();
        }
    }

    @Test
    void aFastProfileFailsOverWithinTwoPingIntervalsToo() {
        // ping 100 ms, timeout 200 ms on a 25 ms tick: probes every interval / 4
        HeartbeatTuning fast = HeartbeatTuning.DEFAULTS.withTick(java.time.Duration.ofMillis(25));
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.spec(100, 200, 2), fast, 1);
        rig.runUntil(30_000 * MS + 10 * MS);
        assertThat(rig.heartbeat.carriesTraffic()).isTrue();
        long cutAt = rig.now();
        rig.cut = true;
        long failover = rig.runUntilTrue(() -> !rig.heartbeat.carriesTraffic(), cutAt + 5_000 * MS);
        assertThat(failover - cutAt).isLessThanOrEqualTo(200 * MS);
        long down = rig.runUntilTrue(() -> !rig.heartbeat.connected(), cutAt + 5_000 * MS);
        assertThat(down).as(rig.log.toString()).isGreaterThan(failover);
    }

    @Test
    void theLossRatioRisesWhilePingsGoUnanswered() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntil(STEADY);
        assertThat(rig.heartbeat.score().lossRatio()).isZero();
        rig.lossOut = 0.5;
        rig.runUntil(STEADY + 600_000 * MS);
        assertThat(rig.heartbeat.score().lossRatio()).isBetween(0.3, 0.7);
    }
}
