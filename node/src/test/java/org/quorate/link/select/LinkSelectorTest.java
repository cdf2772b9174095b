package org.quorate.link.select;

import org.junit.jupiter.api.Test;
import org.quorate.link.LinkPolicy;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkSelectorTest {

    private static LinkCandidate up(int id, int priority) {
        return new LinkCandidate(id, priority, true, true);
    }

    private static LinkCandidate failedOver(int id, int priority) {
        return new LinkCandidate(id, priority, true, false);
    }

    private static LinkCandidate down(int id, int priority) {
        return new LinkCandidate(id, priority, false, false);
    }

    private static int[] choose(LinkSelector selector, LinkCandidate... candidates) {
        int[] out = new int[candidates.length];
        int n = selector.choose(List.of(candidates), out);
        return Arrays.copyOf(out, n);
    }

    @Test
    void specSection9PassivePicksTheHighestPriorityThenTheNextOnDown() {
        LinkSelector passive = new LinkSelector(LinkPolicy.PASSIVE);
        assertThat(choose(passive, up(0, 1), up(1, 20), up(2, 20))).containsExactly(1);
        assertThat(choose(passive, up(0, 1), down(1, 20), up(2, 20))).containsExactly(2);
        assertThat(choose(passive, up(0, 1), down(1, 20), down(2, 20))).containsExactly(0);
        assertThat(choose(passive, down(0, 1), down(1, 20), down(2, 20))).as("unreachable").isEmpty();
    }

    @Test
    void passiveTiesGoToTheLowestLinkIdWhateverTheOrder() {
        LinkSelector passive = new LinkSelector(LinkPolicy.PASSIVE);
        assertThat(choose(passive, up(3, 5), up(1, 5), up(2, 5))).containsExactly(1);
        assertThat(choose(passive, up(7, 1), up(6, 2))).containsExactly(6);
    }

    @Test
    void passiveFailsOverBeforeTheDownAndFallsBackToAConnectedLinkWhenNoneCarriesTraffic() {
        LinkSelector passive = new LinkSelector(LinkPolicy.PASSIVE);
        assertThat(choose(passive, up(0, 1), failedOver(1, 20))).as("failover: link 1 missed its pongs").containsExactly(0);
        assertThat(choose(passive, failedOver(0, 1), failedOver(1, 20))).as("still reachable").containsExactly(1);
        assertThat(choose(passive, down(0, 1), failedOver(1, 20))).containsExactly(1);
    }

    @Test
    void activeSendsOnEveryLinkThatCarriesTraffic() {
        LinkSelector active = new LinkSelector(LinkPolicy.ACTIVE);
        assertThat(choose(active, up(0, 1), up(1, 20), up(2, 3))).containsExactly(0, 1, 2);
        assertThat(choose(active, up(0, 1), failedOver(1, 20), down(2, 3))).containsExactly(0);
        assertThat(choose(active, failedOver(0, 1), failedOver(1, 20), down(2, 3))).containsExactly(0, 1);
        assertThat(choose(active, down(0, 1), down(1, 20))).isEmpty();
    }

    @Test
    void roundRobinRotatesOverTheLinksThatCarryTraffic() {
        LinkSelector rr = new LinkSelector(LinkPolicy.RR);
        LinkCandidate[] all = {up(0, 1), up(1, 1), up(2, 1)};
        int[] picks = new int[7];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = choose(rr, all)[0];
        }
        assertThat(picks).containsExactly(0, 1, 2, 0, 1, 2, 0);

        // link 1 fails over: the rotation skips it and goes on from where it was
        assertThat(choose(rr, up(0, 1), failedOver(1, 1), up(2, 1))).containsExactly(2);
        assertThat(choose(rr, up(0, 1), failedOver(1, 1), up(2, 1))).containsExactly(0);
        assertThat(choose(rr, up(0, 1), failedOver(1, 1), up(2, 1))).containsExactly(2);
        assertThat(choose(rr, down(0, 1), failedOver(1, 1), down(2, 1))).as("fallback to connected").containsExactly(1);
        assertThat(choose(rr, down(0, 1), down(1, 1), down(2, 1))).isEmpty();
    }

    @Test
    void aSingleLinkIsUsedWhateverThePolicy() {
        for (LinkPolicy policy : LinkPolicy.values()) {
            LinkSelector selector = new LinkSelector(policy);
            assertThat(choose(selector, up(4, 1))).as(policy.confName()).containsExactly(4);
            assertThat(choose(selector, up(4, 1))).as(policy.confName()).containsExactly(4);
            assertThat(choose(selector, down(4, 1))).as(policy.confName()).isEmpty();
        }
    }
}
