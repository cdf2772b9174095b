package org.quorate.vqsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quorate.votequorum.VotequorumConfigException;
import org.quorate.vqsim.NodeSnapshot;

class SimClusterTest {
    private static final int TWONODE = 1;
    private static final int QUORATE = 2;
    private static final int WFA = 4;
    private static final int LMS = 8;
    private static final int ATB = 16;
    private static final int QDEVICE = 64;
    private static final int ALIVE = 128;
    private static final int CAST = 256;

    private static SimCluster sim(Confs c) {
        return new SimCluster(c.map(), p -> {
            throw new AssertionError("no reload here");
        });
    }

    private static NodeSnapshot node(SimCluster s, long id) {
        return s.snapshot().stream().filter(n -> n.nodeId() == id).findFirst().orElseThrow();
    }

    private static void assertNumbers(SimCluster s, long id, long e, long t, long q, boolean quorate) {
        NodeSnapshot n = node(s, id);
        assertThat(n.up()).isTrue();
        assertThat(new long[] {n.expected(), n.totalVotes(), n.quorum()}).as("E,T,Q of node %d: %s", id, n)
                .containsExactly(e, t, q);
        assertThat(n.quorate()).as("quorate of node %d: %s", id, n).isEqualTo(quorate);
    }

    @Test
    void threeNodesTolerateOneFailure() {
        try (SimCluster s = sim(Confs.nodes(3))) {
            s.up(0, List.of(1L, 2L, 3L));
            assertThat(s.settle(Duration.ofSeconds(1))).isTrue();
            for (long id = 1; id <= 3; id++) {
                assertNumbers(s, id, 3, 3, 2, true);
                assertThat(node(s, id).members()).containsExactly(1L, 2L, 3L);
                assertThat(node(s, id).flags()).isEqualTo(QUORATE);
            }
            s.down(List.of(3L));
            assertNumbers(s, 1, 3, 2, 2, true);
            s.down(List.of(2L));
            assertNumbers(s, 1, 3, 1, 2, false);
            assertThat(node(s, 3).up()).isFalse();
        }
    }

    @Test
    void ringIdsGrowAndNameTheLowestMember() {
        try (SimCluster s = sim(Confs.nodes(3))) {
            s.up(0, List.of(2L, 3L));
            String first = node(s, 2).ring();
            s.up(0, List.of(1L));
            assertThat(first).startsWith("2.");
            assertThat(node(s, 3).ring()).startsWith("1.").isNotEqualTo(first);
            assertThat(Long.parseLong(node(s, 3).ring().substring(2), 16))
                    .isGreaterThan(Long.parseLong(first.substring(2), 16));
        }
    }

    @Test
    void twoNodeWaitsForAllOnceThenSurvivesAlone() {
        try (SimCluster s = sim(Confs.nodes(2).quorum("two_node", 1))) {
            s.up(0, List.of(1L));
            assertNumbers(s, 1, 2, 1, 1, false);
            assertThat(node(s, 1).flags()).isEqualTo(TWONODE | WFA);
            s.up(0, List.of(2L));
            assertNumbers(s, 1, 2, 2, 1, true);
            s.down(List.of(2L));
            assertNumbers(s, 1, 2, 1, 1, true);
            assertThat(node(s, 1).flags()).isEqualTo(TWONODE | QUORATE | WFA);
        }
    }

    @Test
    void fourNodesAndDeviceSplitTwoTwoGoesToTheSideWithTheVote() {
        try (SimCluster s = sim(Confs.nodes(4).device(1))) {
            s.up(0, List.of(1L, 2L, 3L, 4L));
            s.qdeviceOn(List.of(1L, 2L, 3L, 4L));
            assertThat(s.settle(Duration.ofSeconds(1))).isTrue();
            assertNumbers(s, 1, 5, 5, 3, true);
            assertThat(node(s, 1).flags()).isEqualTo(QUORATE | QDEVICE | ALIVE | CAST);
            s.move(Map.of(1, List.of(3L, 4L)));
            s.qdeviceOff(List.of(3L, 4L));
            assertThat(s.settle(Duration.ofSeconds(1))).isTrue();
            assertNumbers(s, 1, 5, 3, 3, true);
            assertNumbers(s, 3, 5, 2, 3, false);
            assertThat(node(s, 3).members()).containsExactly(3L, 4L);
        }
    }

    @Test
    void deviceThatStopsPollingTimesOut() {
        try (SimCluster s = sim(Confs.nodes(2).device(1))) {
            s.up(0, List.of(1L, 2L));
            s.qdeviceOn(List.of(1L, 2L));
            assertNumbers(s, 1, 3, 3, 2, true);
            s.qdeviceOff(List.of(1L));
            assertThat(node(s, 1).flags() & (ALIVE | CAST)).isEqualTo(ALIVE);
            s.advance(Duration.ofSeconds(11));
            assertThat(node(s, 1).flags() & (QDEVICE | ALIVE | CAST)).isEqualTo(QDEVICE);
            assertNumbers(s, 1, 3, 2, 2, true);
        }
    }

    @Test
    void lastManStandingShrinksExpectedVotesAfterTheWindow() {
        try (SimCluster s = sim(Confs.nodes(8).quorum("last_man_standing", 1))) {
            s.up(0, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
            assertNumbers(s, 1, 8, 8, 5, true);
            s.down(List.of(6L, 7L, 8L));
            assertNumbers(s, 1, 8, 5, 5, true);
            s.advance(Duration.ofSeconds(11));
            assertNumbers(s, 1, 5, 5, 3, true);
            assertThat(node(s, 1).flags()).isEqualTo(QUORATE | LMS);
            s.down(List.of(4L, 5L));
            s.advance(Duration.ofSeconds(11));
            assertNumbers(s, 1, 3, 3, 2, true);
            s.down(List.of(3L));
            s.advance(Duration.ofSeconds(11));
            assertNumbers(s, 1, 2, 2, 2, true);
        }
    }

    @Test
    void autoTieBreakerGivesTheHalfWithTheLowestIdQuorum() {
        try (SimCluster s = sim(Confs.nodes(4).quorum("auto_tie_breaker", 1))) {
            s.up(0, List.of(1L, 2L, 3L, 4L));
            assertNumbers(s, 1, 4, 4, 3, true);
            s.move(Map.of(1, List.of(3L, 4L)));
            assertNumbers(s, 1, 4, 2, 3, true);
            assertNumbers(s, 3, 4, 2, 3, false);
            assertThat(node(s, 1).flags()).isEqualTo(QUORATE | ATB);
        }
    }

    @Test
    void corosync74AutoTieBreakerFiveNodesSplitTwoThreeHasOneQuorateSide() {
        try (SimCluster s = sim(Confs.nodes(5).quorum("auto_tie_breaker", 1).quorum("wait_for_all", 1))) {
            s.up(0, List.of(1L, 2L, 3L, 4L, 5L));
            assertNumbers(s, 1, 5, 5, 3, true);
            s.move(Map.of(1, List.of(3L, 4L, 5L)));
            assertNumbers(s, 1, 5, 2, 3, false);
            assertNumbers(s, 3, 5, 3, 3, true);
        }
    }

    @Test
    void expectedOneIsAcceptedOnTheLastSurvivorAndRefusedOnAHealthyCluster() {
        try (SimCluster s = sim(Confs.nodes(3))) {
            s.up(0, List.of(1L, 2L, 3L));
            assertThat(s.setExpected(1, 1)).isEqualTo("Unable to set expected votes: CS_ERR_INVALID_PARAM");
            assertThat(s.setExpected(1, 0)).isEqualTo("New expected votes value was not valid, try a positive number");
            s.down(List.of(2L, 3L));
            assertNumbers(s, 1, 3, 1, 2, false);
            assertThat(s.setExpected(1, 1)).isNull();
            assertNumbers(s, 1, 1, 1, 1, true);
        }
    }

    @Test
    void raisingExpectedOnAQuorateClusterIsRefusedWhenItWouldLoseQuorum() {
        try (SimCluster s = sim(Confs.nodes(3))) {
            s.up(0, List.of(1L, 2L, 3L));
            assertThat(s.setExpected(2, 4)).isNull();
            assertNumbers(s, 1, 4, 3, 3, true);
            assertThat(s.setExpected(2, 6)).isEqualTo("Unable to set expected votes: CS_ERR_INVALID_PARAM");
        }
    }

    @Test
    void fifteenNodesAndDeviceWithoutVotesGetTheAutomaticNMinusOne() {
        try (SimCluster s = sim(Confs.nodes(15).device(null))) {
            List<Long> all = s.configuredNodes();
            s.up(0, all);
            s.qdeviceOn(all);
            assertNumbers(s, 1, 29, 29, 15, true);
            s.down(all.subList(1, 15));
            assertNumbers(s, 1, 29, 15, 15, true);
        }
    }

    @Test
    void configurationErrorsKeepTheNodeDown() {
        try (SimCluster s = sim(Confs.nodes(2).quorum("two_node", 1).device(1))) {
            assertThatThrownBy(() -> s.up(0, List.of(1L))).isInstanceOf(VotequorumConfigException.class)
                    .hasMessage("configuration error: two_node and quorum device cannot be configured at the same time!");
            assertThat(node(s, 1).up()).isFalse();
        }
        try (SimCluster s = sim(Confs.nodes(3).quorum("expected_votes", 3).device(null))) {
            assertThatThrownBy(() -> s.up(0, List.of(1L))).hasMessage(
                    "configuration error: quorum.device.votes must be specified when quorum.expected_votes is set");
        }
    }

    @Test
    void reloadAddingANodeRaisesExpectedVotesEverywhere() {
        Map<String, String> three = Confs.nodes(3).map();
        try (SimCluster s = new SimCluster(Confs.nodes(2).map(), p -> three)) {
            s.up(0, List.of(1L, 2L));
            assertNumbers(s, 1, 2, 2, 2, true);
            s.reload(java.nio.file.Path.of("corosync.conf"));
            assertNumbers(s, 1, 3, 2, 2, true);
            assertNumbers(s, 2, 3, 2, 2, true);
            assertThat(s.configuredNodes()).containsExactly(1L, 2L, 3L);
            s.up(0, List.of(3L));
            assertNumbers(s, 3, 3, 3, 2, true);
        }
    }
}
