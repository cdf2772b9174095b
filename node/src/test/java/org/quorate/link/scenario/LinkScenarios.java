package org.quorate.link.scenario;

import org.junit.jupiter.api.Test;
import org.quorate.link.LinkEvent;
import org.quorate.link.LinkLayer;
import org.quorate.link.LinkPolicy;
import org.quorate.link.status.HostStatus;
import org.quorate.link.status.LinkStatus;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link layer's scenarios, written against {@link LinkTestbed} so that the simulated testbed and a
 * real-socket one run the same checks. Every scenario warms up long enough for knet's backoff (10 x the pong
 * timeout after start, minus one multiple per second) to decay before it breaks anything.
 */
abstract class LinkScenarios {
    static final Duration WARM_UP = Duration.ofSeconds(20);

    /** A fresh testbed for {@code spec}; closed by the scenario. */
    abstract LinkTestbed testbed(TestbedSpec spec);

    /** The seed of this run; fixed by default so failures replay, varied by subclasses that sweep seeds. */
    long seed() {
        return 11;
    }

    /** Runs {@code body} on a new testbed; a failure names the testbed and seed, for a replay. */
    void scenario(TestbedSpec spec, Consumer<LinkTestbed> body) {
        try (LinkTestbed bed = testbed(spec)) {
            try {
                body.accept(bed);
            } catch (AssertionError e) {
                throw new AssertionError("scenario failed on " + bed.describe() + ": " + e.getMessage(), e);
            }
        }
    }

    static void warmUp(LinkTestbed bed) {
        boolean up = bed.runUntil(() -> allReachable(bed), WARM_UP);
        assertThat(up).as("every host reaches every other within " + WARM_UP).isTrue();
        bed.runFor(WARM_UP);
    }

    static boolean allReachable(LinkTestbed bed) {
        for (int a : bed.hostIds()) {
            for (int b : bed.hostIds()) {
                if (!bed.recorder(a).sees(b) && a != b) {
                    return false;
                }
            }
        }
        return true;
    }

    static LinkStatus link(LinkTestbed bed, int observer, int host, int linkId) {
        HostStatus h = bed.layer(observer).status().hosts().stream().filter(s -> s.hostId() == host).findFirst()
                .orElseThrow();
        return h.links().stream().filter(l -> l.linkId() == linkId).findFirst().orElseThrow();
    }

    static long downs(LinkTestbed bed) {
        long n = 0;
        for (int h : bed.hostIds()) {
            n += bed.recorder(h).events(LinkEvent.Kind.DOWN).size();
        }
        return n;
    }

    static long unreachables(LinkTestbed bed) {
        long n = 0;
        for (int h : bed.hostIds()) {
            n += bed.recorder(h).reachability.stream().filter(r -> !r.reachable()).count();
        }
        return n;
    }

    @Test
    void steadyTrafficBetweenThreeHostsOnTwoLinksLosesNothing() {
        scenario(TestbedSpec.corosyncDefaults(3, 2, seed()), bed -> {
            warmUp(bed);
            Traffic t12 = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
            Traffic t31 = Traffic.start(bed, 3, 1, Duration.ofMillis(10), 1400);
            bed.runFor(Duration.ofSeconds(30));
            bed.runFor(Duration.ofMillis(100)); // the last ones in flight
            assertThat(t12.distinctReceived()).isGreaterThanOrEqualTo(t12.sent() - 1);
            assertThat(t31.distinctReceived()).isGreaterThanOrEqualTo(t31.sent() - 1);
            assertThat(t12.duplicates() + t31.duplicates()).isZero();
            assertThat(downs(bed)).isZero();
            assertThat(unreachables(bed)).isZero();
            LinkStatus l0 = link(bed, 1, 2, 0);
            assertThat(l0.connected()).isTrue();
            assertThat(l0.counters().txDataPackets()).isGreaterThanOrEqualTo(t12.sent());
            assertThat(link(bed, 1, 2, 1).counters().txDataPackets()).as("passive: link 0 carries it all").isZero();
            assertThat(link(bed, 1, 2, 1).counters().txPingPackets()).as("the standby link is pinged").isPositive();
        });
    }

    @Test
    void cuttingLinkZeroBothWaysFailsOverWithinTwoPingIntervalsWithoutUnreachable() {
        for (int hosts = 2; hosts <= 3; hosts++) {
            scenario(TestbedSpec.corosyncDefaults(hosts, 2, seed()), LinkScenarios::cutLinkZeroBothWays);
        }
    }

    @Test
    void theFastProfileFailsOverWithinTwoPingIntervals() {
        scenario(TestbedSpec.fast(2, 2, seed()), LinkScenarios::cutLinkZeroBothWays);
    }

    static void cutLinkZeroBothWays(LinkTestbed bed) {
        TestbedSpec spec = bed.spec();
        warmUp(bed);
        Traffic t = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
        bed.runFor(Duration.ofSeconds(2));
        long cut = bed.nanos();
        bed.cutBothWays(1, 2, 0);
        bed.runFor(spec.pongTimeout().multipliedBy(4));
        OptionalLong resumed = t.firstDeliveredSentAfter(cut + 1);
        assertThat(resumed).as("traffic resumes on link 1").isPresent();
        long failover = resumed.getAsLong() - cut;
        assertThat(failover).as("failover (ns) within 2 ping intervals").isLessThanOrEqualTo(
                spec.pingInterval().multipliedBy(2).toNanos());
        assertThat(unreachables(bed)).as("no host-unreachable while link 1 is up").isZero();
        var downs = bed.recorder(1).events(2, 0, LinkEvent.Kind.DOWN);
        assertThat(downs).as("link 0 is declared down").hasSize(1);
        long downAfter = downs.get(0).nanos() - cut;
        // corosync: no pong for pong_timeout (+ 2 x latency); the last pong came at most a ping interval before
        // the cut, and the check runs on the 200 ms tick
        assertThat(downAfter).as("down (ns after the cut) at corosync's time")
                .isBetween(spec.pongTimeout().minus(spec.pingInterval()).toNanos(),
                        spec.pongTimeout().plus(spec.pingInterval()).plusMillis(400).toNanos());
        assertThat(bed.recorder(1).events(2, 1, LinkEvent.Kind.DOWN)).isEmpty();
        assertThat(bed.recorder(1).events(LinkEvent.Kind.FAILOVER)).isNotEmpty();
        assertThat(link(bed, 1, 2, 0).notEligibleWhy()).startsWith("down");
        assertThat(t.longestGapNanos(cut + failover)).as("no stall after the failover")
                .isLessThan(Duration.ofMillis(100).toNanos());
    }

    @Test
    void aOneWayCutTakesLinkZeroDownOnBothSidesAndTrafficFlowsBothWaysOnLinkOne() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()), bed -> {
            warmUp(bed);
            Traffic t12 = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
            Traffic t21 = Traffic.start(bed, 2, 1, Duration.ofMillis(10), 200);
            long cut = bed.nanos();
            bed.cut(1, 2, 0);
            bed.runFor(Duration.ofSeconds(10));
            assertThat(unreachables(bed)).isZero();
            assertThat(bed.recorder(1).events(2, 0, LinkEvent.Kind.DOWN)).hasSize(1);
            assertThat(bed.recorder(2).events(1, 0, LinkEvent.Kind.DOWN)).hasSize(1);
            long settled = cut + bed.spec().pingInterval().multipliedBy(2).toNanos();
            assertThat(t12.longestGapNanos(settled)).isLessThan(Duration.ofMillis(100).toNanos());
            assertThat(t21.longestGapNanos(settled)).isLessThan(Duration.ofMillis(100).toNanos());
            assertThat(t21.firstDeliveredSentAfter(settled)).isPresent();
        });
    }

    @Test
    void cuttingBothLinksMakesTheHostUnreachableAndHealingBringsItBack() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()), bed -> {
            warmUp(bed);
            bed.cutBothWays(1, 2, 0);
            bed.cutBothWays(1, 2, 1);
            assertThat(bed.runUntil(() -> !bed.recorder(1).sees(2) && !bed.recorder(2).sees(1),
                    Duration.ofSeconds(5))).as("both sides see the other unreachable").isTrue();
            assertThat(bed.recorder(1).unreachableEvents(2)).isEqualTo(1);
            boolean[] refused = new boolean[1];
            bed.onHost(1, () -> refused[0] = !bed.layer(1).send(2, new byte[10]) && !bed.layer(1).reachable(2));
            assertThat(refused[0]).as("a send to an unreachable host is refused").isTrue();
            bed.runFor(Duration.ofSeconds(5));
            bed.healBothWays(1, 2, 0);
            bed.healBothWays(1, 2, 1);
            assertThat(bed.runUntil(() -> bed.recorder(1).sees(2) && bed.recorder(2).sees(1),
                    Duration.ofSeconds(10))).as("reachable again after the heal").isTrue();
            Traffic t = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 100);
            bed.runFor(Duration.ofSeconds(2));
            assertThat(t.distinctReceived()).isGreaterThanOrEqualTo(t.sent() - 1);
            assertThat(bed.recorder(1).reachability).extracting(HostRecorder.Reachability::reachable)
                    .containsExactly(true, false, true);
        });
    }

    @Test
    void anMtuBlackHoleOnLinkZeroNeverTakesItDownAndLargeMessagesStillArrive() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()), bed -> {
            warmUp(bed);
            bed.runFor(Duration.ofSeconds(40)); // a completed search: the MTU is the interface's
            assertThat(link(bed, 1, 2, 0).mtu()).isGreaterThan(1200);
            Traffic big = Traffic.start(bed, 1, 2, Duration.ofMillis(500), LinkLayer.MAX_MESSAGE);
            long hole = bed.nanos();
            bed.shape(1, 2, 0, Shaping.mtu(1000));
            bed.shape(2, 1, 0, Shaping.mtu(1000));
            bed.runFor(Duration.ofSeconds(90));
            assertThat(downs(bed)).as("an MTU change never marks a link down").isZero();
            assertThat(unreachables(bed)).isZero();
            assertThat(link(bed, 1, 2, 0).mtu()).isLessThan(1000);
            long late = bed.nanos() - Duration.ofSeconds(30).toNanos();
            long sentLate = big.sent() - big.received().stream().filter(m -> Traffic.sentNanos(m) < late).count();
            assertThat(big.received().stream().filter(m -> Traffic.sentNanos(m) >= late).count())
                    .as("64 KiB messages of the last 30 s arrive").isGreaterThanOrEqualTo(59);
            assertThat(sentLate).isPositive();
            assertThat(bed.recorder(1).events(2, 0, LinkEvent.Kind.MTU_CHANGED)).isNotEmpty();
            assertThat(hole).isPositive();
        });
    }

    @Test
    void activeModeSendsOnBothLinksAndDeliversEachMessageOnce() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()).withPolicy(LinkPolicy.ACTIVE), bed -> {
            warmUp(bed);
            Traffic small = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
            Traffic large = Traffic.start(bed, 1, 2, Duration.ofMillis(100), 20_000);
            bed.runFor(Duration.ofSeconds(10));
            bed.runFor(Duration.ofMillis(100));
            assertThat(small.duplicates() + large.duplicates()).isZero();
            assertThat(small.distinctReceived()).isGreaterThanOrEqualTo(small.sent() - 1);
            assertThat(large.distinctReceived()).isGreaterThanOrEqualTo(large.sent() - 1);
            assertThat(link(bed, 2, 1, 0).counters().rxDataPackets()).isPositive();
            assertThat(link(bed, 2, 1, 1).counters().rxDataPackets())
                    .isEqualTo(link(bed, 2, 1, 0).counters().rxDataPackets());
            assertThat(bed.layer(2).status().droppedPackets()).as("the second copies were dropped and counted")
                    .isGreaterThanOrEqualTo(small.sent());
        });
    }

    @Test
    void roundRobinSpreadsMessagesOverBothLinks() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()).withPolicy(LinkPolicy.RR), bed -> {
            warmUp(bed);
            Traffic t = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
            bed.runFor(Duration.ofSeconds(10));
            bed.runFor(Duration.ofMillis(100));
            assertThat(t.distinctReceived()).isGreaterThanOrEqualTo(t.sent() - 1);
            long l0 = link(bed, 2, 1, 0).counters().rxDataPackets();
            long l1 = link(bed, 2, 1, 1).counters().rxDataPackets();
            assertThat(Math.abs(l0 - l1)).isLessThanOrEqualTo(2);
            assertThat(l0 + l1).isGreaterThanOrEqualTo(t.sent() - 1);
        });
    }

    @Test
    void aHostRestartedWithinTheSameSecondIsAcceptedAgain() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()), bed -> {
            warmUp(bed);
            Traffic t12 = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
            bed.runFor(Duration.ofMillis(300));
            bed.restart(2);
            bed.runFor(Duration.ofMillis(400));
            bed.restart(2); // a second restart within the same second as the first
            long restarted = bed.nanos();
            Traffic t21 = Traffic.start(bed, 2, 1, Duration.ofMillis(10), 300);
            bed.runFor(Duration.ofSeconds(20));
            assertThat(t21.firstDeliveredSentAfter(restarted)).as("host 1 accepts the new incarnation").isPresent();
            assertThat(t21.distinctReceived()).isGreaterThan(t21.sent() / 2);
            assertThat(t12.firstDeliveredSentAfter(restarted + Duration.ofSeconds(10).toNanos()))
                    .as("the restarted host accepts host 1").isPresent();
        });
    }

    @Test
    void aHostWithAnotherClustersKeyIsNeverDeliveredAndIsCounted() {
        scenario(TestbedSpec.corosyncDefaults(3, 2, seed()).withForeignKey(3), bed -> {
            bed.runFor(WARM_UP);
            Traffic t31 = Traffic.start(bed, 3, 1, Duration.ofMillis(10), 200);
            Traffic t12 = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
            bed.runFor(Duration.ofSeconds(10));
            assertThat(bed.recorder(1).messagesFrom(3)).isZero();
            assertThat(bed.recorder(2).messagesFrom(3)).isZero();
            assertThat(bed.recorder(1).sees(3)).isFalse();
            assertThat(bed.recorder(3).sees(1)).isFalse();
            assertThat(bed.layer(1).status().authenticationFailures()).isPositive();
            assertThat(t12.distinctReceived()).isGreaterThanOrEqualTo(t12.sent() - 1);
            assertThat(t31.sent()).isPositive();
        });
    }

    @Test
    void aGarbageFloodIsDroppedInBoundedMemoryAndOtherTrafficIsUnaffected() {
        scenario(TestbedSpec.corosyncDefaults(3, 2, seed()), bed -> {
            warmUp(bed);
            Traffic t21 = Traffic.start(bed, 2, 1, Duration.ofMillis(10), 3000);
            Traffic t23 = Traffic.start(bed, 2, 3, Duration.ofMillis(10), 200);
            SplittableRandom r = new SplittableRandom(seed());
            int[] flooded = new int[1];
            bed.every(1, Duration.ofMillis(1), () -> {
                for (int i = 0; i < 20; i++) {
                    byte[] junk = new byte[1 + r.nextInt(1472)];
                    r.nextBytes(junk);
                    if (r.nextInt(4) == 0 && junk.length > 4) {
                        junk[0] = 1; // looks like our version byte: gets further into the decoder
                    }
                    bed.sendRaw(1, r.nextInt(2), junk);
                    flooded[0]++;
                }
            });
            bed.runFor(Duration.ofSeconds(10));
            assertThat(flooded[0]).isGreaterThan(100_000);
            assertThat(bed.layer(1).status().droppedPackets()).isGreaterThanOrEqualTo(flooded[0] - 1000L);
            assertThat(t21.distinctReceived()).isGreaterThanOrEqualTo(t21.sent() - 1);
            assertThat(t23.distinctReceived()).isGreaterThanOrEqualTo(t23.sent() - 1);
            assertThat(downs(bed)).isZero();
            assertThat(unreachables(bed)).isZero();
        });
    }

    @Test
    void twoPercentLossAndJitterOnEveryLinkForTenMinutesCausesNoFalseLinkDown() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()), bed -> lossySoak(bed, Duration.ofMinutes(10), Duration.ofMillis(100)));
    }

    /** {@code trafficPeriod}: how often host 1 sends a message to host 2 meanwhile. */
    static void lossySoak(LinkTestbed bed, Duration length, Duration trafficPeriod) {
        warmUp(bed);
        Shaping lossy = Shaping.loss(0.02).withJitter(Duration.ofMillis(1), Duration.ofMillis(20));
        for (int l = 0; l < bed.spec().links(); l++) {
            for (int a : bed.hostIds()) {
                for (int b : bed.hostIds()) {
                    if (a != b) {
                        bed.shape(a, b, l, lossy);
                    }
                }
            }
        }
        Traffic t = Traffic.start(bed, 1, 2, trafficPeriod, 64);
        bed.runFor(length);
        assertThat(downs(bed)).as("false link-downs in " + length).isZero();
        assertThat(unreachables(bed)).isZero();
        double pingsArrived = (double) link(bed, 2, 1, 0).counters().rxPingPackets()
                / link(bed, 1, 2, 0).counters().txPingPackets();
        assertThat(pingsArrived).as("the loss is really there").isBetween(0.96, 0.99);
        double delivered = (double) t.distinctReceived() / t.sent();
        assertThat(delivered).as("delivered fraction at 2 % loss").isGreaterThan(0.95);
    }
}
