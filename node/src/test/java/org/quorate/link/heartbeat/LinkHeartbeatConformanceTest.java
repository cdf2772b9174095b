package org.quorate.link.heartbeat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.heartbeat.HeartbeatRig.MS;

/**
 * The link-layer lines of spec §9, against knet's code (threads_heartbeat.c): interval 750 ms, timeout 1500 ms,
 * pong count 2, 0.2 ms round trip, 200 ms tick. Both with Quorate's probes and with corosync's plain rule:
 * up and down of a healthy or dead link must not depend on them.
 */
class LinkHeartbeatConformanceTest {

    @ParameterizedTest(name = "suspicion probes {0}")
    @ValueSource(booleans = {true, false})
    void upOnTheThirdQualifyingPongTwoTickRoundedPeriodsAfterTheFirstPing(boolean probes) {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS.withSuspicionProbes(probes), 1);
        long up = rig.runUntilTrue(rig.heartbeat::connected, 10_000 * MS);

        // pings on the ticks at 200, 1000 and 1800 ms (750 ms waits for the 800 ms tick); pongs 0.2 ms later
        assertThat(up).isEqualTo(1800 * MS + 200_000);
        assertThat(rig.pings).isEqualTo(3);
        assertThat(rig.log).containsExactly(
                "200200 us DOWN -> CONNECTING: first pong counted",
                "1800200 us CONNECTING -> UP: pong after 2 counted pongs (latency 200 us)");
        assertThat(rig.heartbeat.carriesTraffic()).isTrue();
        assertThat(rig.heartbeat.score().upCount()).isEqualTo(1);
    }

    @Test
    void pingsGoOutEveryIntervalRoundedUpToTheTick() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntil(60_000 * MS);
        // first ping at 200 ms, then every 800 ms: (60000 - 200) / 800 + 1 pings, no probes on a clean link
        assertThat(rig.pings).isEqualTo(75);
        assertThat(rig.probes).isZero();
    }

    /**
     * Steady state (backoff decayed to 1): a link cut at any phase of the ping period is down on the first
     * tick at least 1500 ms + 2 x 0.2 ms after its last pong, so within one tick more.
     */
    @ParameterizedTest(name = "cut {0} ms into a ping period")
    @ValueSource(longs = {1, 100, 250, 399, 400, 555, 799})
    void downWithinTimeoutPlusTwiceLatencyPlusOneTickOfTheLastPong(long phaseMs) {
        for (boolean probes : new boolean[]{true, false}) {
            HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS.withSuspicionProbes(probes), 1);
            long cutAt = 60_200 * MS + phaseMs * MS; // 60 200 ms is a ping tick
            rig.runUntil(cutAt);
            assertThat(rig.heartbeat.effectivePongTimeoutUs()).isEqualTo(1_500_400);
            rig.cut = true;
            long lastPong = rig.lastPongArrival;
            long down = rig.runUntilTrue(() -> !rig.heartbeat.connected(), cutAt + 20_000 * MS);

            assertThat(down - lastPong).isGreaterThanOrEqualTo(1_500_400_000L)
                    .isLessThanOrEqualTo(1_500_400_000L + 200 * MS);
            assertThat(rig.log.get(rig.log.size() - 1)).contains("UP -> DOWN: no pong for 1599 ms (timeout 1500 ms x backoff 1 + 2 x latency 0.2 ms)");
            assertThat(rig.heartbeat.score().downCount()).isEqualTo(1);
        }
    }

    /**
     * Right after the link came up the timeout is still backed off: 1500 ms x 10, one multiple less on each
     * fifth tick (1 s). The link cut right after its up at 1800.2 ms is down at 7000 ms: there the backoff
     * becomes 3, 4500.4 ms, and 5199.8 ms have passed since the last pong (at 6800 ms: 6000.4 against 4999.8).
     */
    @Test
    void downTakesUpToFifteenSecondsShortlyAfterStart() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntilTrue(rig.heartbeat::connected, 10_000 * MS);
        rig.cut = true;
        long down = rig.runUntilTrue(() -> !rig.heartbeat.connected(), 30_000 * MS);

        assertThat(down).isEqualTo(7000 * MS);
        assertThat(rig.log.get(rig.log.size() - 1)).contains("no pong for 5199 ms", "backoff 3");
    }

    @Test
    void theBackoffStartsAgainAfterEveryDown() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntil(60_000 * MS);
        rig.cut = true;
        rig.runUntilTrue(() -> !rig.heartbeat.connected(), 70_000 * MS);
        rig.cut = false;
        long upAgain = rig.runUntilTrue(rig.heartbeat::connected, 80_000 * MS);
        rig.cut = true;
        long lastPong = rig.lastPongArrival;
        long downAgain = rig.runUntilTrue(() -> !rig.heartbeat.connected(), upAgain + 20_000 * MS);

        assertThat(downAgain - lastPong).as("backed off again: far beyond the steady 1.5 s")
                .isGreaterThan(4000 * MS).isLessThanOrEqualTo(15_000 * MS + 200 * MS);
        assertThat(rig.heartbeat.score().downCount()).isEqualTo(2);
        assertThat(rig.heartbeat.score().upCount()).isEqualTo(2);
    }

    @Test
    void aPongLaterThanThePongTimeoutIsNotCountedButStillRefreshesPongLast() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntil(60_000 * MS);
        assertThat(rig.heartbeat.connected()).isTrue();
        rig.baseDelayNanos = 800 * MS; // 1.6 s round trip: over the 1500 ms pong timeout
        rig.runUntil(120_000 * MS);

        // the gap before the first late pong is over the timeout: one down, and late pongs never bring it up
        assertThat(rig.downs).isEqualTo(1);
        assertThat(rig.heartbeat.state()).isEqualTo(LinkState.DOWN);
        // knet sets pong_last before it discards a late pong: the pongs still count as a sign of life
        assertThat(rig.heartbeat.score().pongLastNanos()).isEqualTo(rig.lastPongArrival);
        assertThat(rig.lastPongArrival).isGreaterThan(119_000 * MS);
        assertThat(rig.heartbeat.score().latencyAvgUs()).as("late pongs are not latency samples").isEqualTo(200);
        assertThat(rig.heartbeat.score().lossRatio()).isGreaterThan(0.9);
    }

    @Test
    void lateFirstPongsNeverBringALinkUp() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.baseDelayNanos = 800 * MS;
        rig.runUntil(30_000 * MS);
        assertThat(rig.heartbeat.state()).isEqualTo(LinkState.DOWN);
        assertThat(rig.log).isEmpty();
    }

    @Test
    void fastDataUpNeedsOneCountedPong() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        assertThat(rig.heartbeat.onDataWhileUnreachable(0, rig)).isFalse();
        rig.runUntil(300 * MS); // the first pong at 200.2 ms is counted
        assertThat(rig.heartbeat.state()).isEqualTo(LinkState.CONNECTING);

        assertThat(rig.heartbeat.onDataWhileUnreachable(rig.now(), rig)).isTrue();
        assertThat(rig.heartbeat.state()).isEqualTo(LinkState.UP);
        assertThat(rig.log.get(1)).contains("CONNECTING -> UP: data while the host was unreachable, after 1 counted pong(s)");
        assertThat(rig.heartbeat.onDataWhileUnreachable(rig.now(), rig)).as("already up").isTrue();
        assertThat(rig.ups).isEqualTo(1);
    }

    @Test
    void pongCountOneNeedsTwoPongs() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.spec(750, 1500, 1), HeartbeatTuning.DEFAULTS, 1);
        long up = rig.runUntilTrue(rig.heartbeat::connected, 10_000 * MS);
        assertThat(up).isEqualTo(1000 * MS + 200_000);
    }

    @Test
    void aForcedDownIsADownAndABackoff() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntil(20_000 * MS);
        rig.heartbeat.forceDown(rig.now(), "socket closed", rig);
        assertThat(rig.heartbeat.state()).isEqualTo(LinkState.DOWN);
        assertThat(rig.log.get(rig.log.size() - 1)).endsWith("UP -> DOWN: socket closed");
        rig.heartbeat.forceDown(rig.now(), "socket closed", rig);
        assertThat(rig.downs).as("a down link stays down, once").isEqualTo(1);
    }

    @Test
    void latencyScoreFollowsKnetsAverage() {
        HeartbeatRig rig = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        rig.runUntil(10_000 * MS);
        rig.baseDelayNanos = 1 * MS; // 2 ms round trips from now on
        rig.runUntil(20_000 * MS);
        LinkScore score = rig.heartbeat.score();

        // 13 samples of 200 us, then 12 of 2000 us, averaged knet's way in whole microseconds
        long expected = 200;
        for (int n = 14; n <= 25; n++) {
            expected = (expected * (n - 1) + 2000) / n;
        }
        assertThat(score.samples()).isEqualTo(25);
        assertThat(score.latencyAvgUs()).isEqualTo(expected);
        assertThat(score.latencyMinUs()).isEqualTo(200);
        assertThat(score.latencyMaxUs()).isEqualTo(expected);
        assertThat(score.lossRatio()).isZero();
    }
}
