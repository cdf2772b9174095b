package org.quorate.link.heartbeat;

import org.junit.jupiter.api.Test;
import org.quorate.link.LinkPolicy;
import org.quorate.link.select.LinkCandidate;
import org.quorate.link.select.LinkSelector;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.heartbeat.HeartbeatRig.MS;

/**
 * The heartbeat and the selector together, two links to one host (link 0 preferred): cutting link 0 moves the
 * traffic to link 1 within two ping intervals, the host never has no link, and the traffic comes back to link
 * 0 after its recovery pongs once the cut heals.
 */
class TwoLinkFailoverTest {
    private static final long STEP = 10 * MS;

    @Test
    void passiveTrafficMovesToTheStandbyLinkWithinTwoPingIntervalsAndBack() {
        HeartbeatRig link0 = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 1);
        HeartbeatRig link1 = new HeartbeatRig(HeartbeatRig.twoNodeSpec(), HeartbeatTuning.DEFAULTS, 2);
        link1.jitterNanos = 5 * MS;
        LinkSelector selector = new LinkSelector(LinkPolicy.PASSIVE);
        int[] out = new int[2];

        long t = 0;
        for (; t < 60_000 * MS; t += STEP) {
            advance(link0, link1, t);
        }
        assertThat(choose(selector, link0, link1, out)).isEqualTo(0);

        long cutAt = t + 333 * MS;
        for (; t < cutAt; t += STEP) {
            advance(link0, link1, t);
        }
        link0.cut = true;
        long movedAt = -1;
        for (; t < cutAt + 10_000 * MS; t += STEP) {
            advance(link0, link1, t);
            int chosen = choose(selector, link0, link1, out);
            assertThat(chosen).as("the host is reachable at " + t / MS + " ms").isGreaterThanOrEqualTo(0);
            if (chosen == 1 && movedAt < 0) {
                movedAt = t;
            }
        }
        assertThat(movedAt - cutAt).isPositive().isLessThanOrEqualTo(1500 * MS);
        // last answered ping at 60 200 ms, its successor at 61 000 and one probe round unanswered: 61 400 ms
        assertThat(movedAt).isEqualTo(61_400 * MS);
        assertThat(link0.heartbeat.connected()).as("declared down by then").isFalse();
        assertThat(link1.downs).isZero();

        link0.cut = false;
        long backAt = -1;
        for (; t < cutAt + 40_000 * MS; t += STEP) {
            advance(link0, link1, t);
            int chosen = choose(selector, link0, link1, out);
            assertThat(chosen).isGreaterThanOrEqualTo(0);
            if (chosen == 0 && backAt < 0) {
                backAt = t;
            }
        }
        assertThat(backAt).as("link 0 is back in use").isPositive();
    }

    private static void advance(HeartbeatRig a, HeartbeatRig b, long t) {
        a.runUntil(t);
        b.runUntil(t);
    }

    /** The one link chosen, or -1 for an unreachable host. */
    private static int choose(LinkSelector selector, HeartbeatRig link0, HeartbeatRig link1, int[] out) {
        List<LinkCandidate> candidates = List.of(
                new LinkCandidate(0, 20, link0.heartbeat.connected(), link0.heartbeat.carriesTraffic()),
                new LinkCandidate(1, 10, link1.heartbeat.connected(), link1.heartbeat.carriesTraffic()));
        return selector.choose(candidates, out) == 0 ? -1 : out[0];
    }
}
