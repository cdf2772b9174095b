package org.quorate.votequorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quorate.cluster.RingId;

/** Rule-by-rule tests of the pure core (node-and-link spec §2, checked against corosync 3.1.7's votequorum.c). */
class VotequorumTest {
    private static Map<String, String> nodes(int n, String... quorumKeys) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quorum.provider", "corosync_votequorum");
        for (int i = 0; i < n; i++) {
            m.put("nodelist.node." + i + ".nodeid", Integer.toString(i + 1));
        }
        for (int i = 0; i < quorumKeys.length; i += 2) {
            m.put(quorumKeys[i], quorumKeys[i + 1]);
        }
        return m;
    }

    /** Nodes 1 and 2 in one ring, node 1's device registered and polled with the vote on that ring. */
    private static Ring twoNodesWithAPolledDevice() {
        Ring r = new Ring(nodes(2, "quorum.device.model", "net", "quorum.device.votes", "1"), 1, 2);
        r.install(1, 2);
        Votequorum vq = r.node(1);
        vq.qdeviceRegister("Qdevice");
        r.deliver(1, 2);
        vq.qdevicePoll("Qdevice", true, r.ringId(), 0);
        r.deliver(1, 2);
        return r;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "quorum.two_node=1,quorum.device.model=net"
                + "|configuration error: two_node and quorum device cannot be configured at the same time!",
        "quorum.expected_votes=3,quorum.device.model=net"
                + "|configuration error: quorum.device.votes must be specified when quorum.expected_votes is set",
        "nodelist.node.0.quorum_votes=2,quorum.device.model=net"
                + "|configuration error: quorum.device.votes must be specified when not all nodes votes 1",
        "quorum.expected_votes=3,quorum.device.model=net,quorum.device.votes=2"
                + "|configuration error: quorum.device.votes is too high or expected_votes is too low",
        "quorum.last_man_standing=1,quorum.device.model=net"
                + "|configuration error: quorum.device is not compatible with last_man_standing",
        "quorum.auto_tie_breaker=1,quorum.wait_for_all=1,quorum.device.model=net"
                + "|configuration error: quorum.device is not compatible with auto_tie_breaker",
        "quorum.allow_downscale=1,quorum.device.model=net"
                + "|configuration error: quorum.device is not compatible with allow_downscale",
        "quorum.auto_tie_breaker=1,quorum.last_man_standing=1"
                + "|configuration error: auto_tie_breaker & last_man_standing not available in odd sized cluster",
        "quorum.two_node=x|Value of key \"quorum.two_node\" is expected to be integer in range (0..255), "
                + "but \"x\" was given",
    })
    void startUpRefusalsUseCorosyncsWords(String keys, String message) {
        Map<String, String> cmap = nodes(3);
        for (String kv : keys.split(",")) {
            String[] p = kv.split("=", 2);
            cmap.put(p[0], p[1]);
        }
        assertThatThrownBy(() -> Votequorum.start(cmap, 1)).isInstanceOf(VotequorumConfigException.class)
                .hasMessage(message);
    }

    @Test
    void withoutNodelistOrExpectedVotesNothingStarts() {
        assertThatThrownBy(() -> Votequorum.start(Map.of("quorum.provider", "corosync_votequorum"), 1))
                .hasMessage("configuration error: nodelist or quorum.expected_votes must be configured!");
        Votequorum vq = Votequorum.start(Map.of("quorum.expected_votes", "3", "quorum.votes", "2"), 7);
        assertThat(vq.getInfo(0).orElseThrow().votes()).isEqualTo(2);
        assertThat(vq.getInfo(0).orElseThrow().expectedVotes()).isEqualTo(3);
    }

    @Test
    void atbOnAnOddClusterWithoutWaitForAllIsSwitchedOff() {
        Ring r = new Ring(nodes(3, "quorum.auto_tie_breaker", "1"), 1, 2, 3);
        r.install(1, 2, 3);
        assertThat(r.info(1).has(InfoFlag.AUTO_TIE_BREAKER)).isFalse();
        Ring even = new Ring(nodes(4, "quorum.auto_tie_breaker", "1"), 1);
        assertThat(even.node(1).getInfo(0).orElseThrow().has(InfoFlag.AUTO_TIE_BREAKER)).isTrue();
    }

    @Test
    void atbListDeniesWhenAnEarlierListedNodeWasInThePreviousMembership() {
        Ring r = new Ring(nodes(4, "quorum.auto_tie_breaker", "1", "quorum.auto_tie_breaker_node", "3 1"),
                1, 2, 3, 4);
        r.install(1, 2, 3, 4);
        r.install(1, 2);
        assertThat(r.node(1).quorate()).as("node 3, listed first, was in the previous ring").isFalse();
        Ring s = new Ring(nodes(4, "quorum.auto_tie_breaker", "1", "quorum.auto_tie_breaker_node", "3 1"),
                1, 2, 3, 4);
        s.install(1, 2, 3, 4);
        s.install(3, 4);
        assertThat(s.node(3).quorate()).isTrue();
    }

    @Test
    void atbHighest() {
        Ring r = new Ring(nodes(4, "quorum.auto_tie_breaker", "1", "quorum.auto_tie_breaker_node", "highest"),
                1, 2, 3, 4);
        r.install(1, 2, 3, 4);
        r.install(1, 2);
        assertThat(r.node(1).quorate()).isFalse();
        r.install(1, 2, 3, 4);
        r.install(3, 4);
        assertThat(r.node(3).quorate()).isTrue();
    }

    @Test
    void autoTieBreakerNodeParsesLikeStrtol() {
        assertThat(AutoTieBreaker.parse("lowest").mode()).isEqualTo(AutoTieBreaker.Mode.LOWEST);
        assertThat(AutoTieBreaker.parse("highest").mode()).isEqualTo(AutoTieBreaker.Mode.HIGHEST);
        assertThat(AutoTieBreaker.parse("1 3 5").nodes()).containsExactly(1L, 3L, 5L);
        assertThat(AutoTieBreaker.parse("2 4 x 6").nodes()).containsExactly(2L, 4L);
        assertThat(AutoTieBreaker.parse("nodes 1 2")).isEqualTo(AutoTieBreaker.NONE);
        assertThat(AutoTieBreaker.parse("0 1")).isEqualTo(AutoTieBreaker.NONE);
    }

    @Test
    void anInquorateNodeAdoptsTheExpectedVotesOfAQuorateOne() {
        Ring r = new Ring(nodes(3), 1, 2, 3);
        r.install(1, 2);
        r.node(1).setExpected(2);
        r.deliver(1, 2);
        assertThat(r.info(1).expectedVotes()).isEqualTo(2);
        Votequorum late = Votequorum.start(nodes(3), 3);
        r.nodes.put(3L, late);
        r.install(1, 2, 3);
        assertThat(r.info(3).expectedVotes()).as("adopted from quorate node 1, then grown to the votes present")
                .isEqualTo(3);
        assertThat(late.quorate()).isTrue();
    }

    @Test
    void setVotesRefusalsAndAcceptance() {
        Ring r = new Ring(nodes(3), 1, 2, 3);
        r.install(1, 2, 3);
        assertThat(r.node(1).setVotes(9, 1)).isEqualTo(CsError.ERR_NAME_NOT_FOUND);
        assertThat(r.node(1).setVotes(2, 10)).as("q = (12+2)/2 = 7, within [12/2, 12]").isEqualTo(CsError.OK);
        r.deliver(1, 2, 3);
        assertThat(r.info(3).totalVotes()).isEqualTo(12);
        assertThat(r.info(3).expectedVotes()).isEqualTo(12);
        assertThat(r.info(3).quorum()).isEqualTo(7);
    }

    @Test
    void quorumIsKeptInEightBitsAsInCorosync() {
        Ring r = new Ring(nodes(2, "nodelist.node.0.quorum_votes", "600", "nodelist.node.1.quorum_votes", "1"), 1, 2);
        r.install(1, 2);
        VotequorumInfo info = r.info(1);
        assertThat(info.expectedVotes()).isEqualTo(601);
        assertThat(info.quorum()).as("(601+2)/2 = 301, stored in a uint8_t").isEqualTo(301 & 0xFF);
        assertThat(r.node(1).quorate()).isTrue();
    }

    @Test
    void deviceApiErrors() {
        Map<String, String> cmap = nodes(2, "quorum.device.model", "net", "quorum.device.votes", "1");
        Ring r = new Ring(cmap, 1, 2);
        r.install(1, 2);
        Votequorum vq = r.node(1);
        assertThat(vq.qdevicePoll("Qdevice", true, r.ringId(), 0)).isEqualTo(CsError.ERR_NOT_EXIST);
        assertThat(vq.qdeviceUnregister("Qdevice")).isEqualTo(CsError.ERR_NOT_EXIST);
        assertThat(vq.qdeviceRegister("Qdevice")).isEmpty();
        assertThat(vq.qdeviceRegister("Qdevice")).contains(CsError.ERR_TRY_AGAIN);
        r.deliver(1, 2);
        assertThat(r.effects).contains(new Effect.RegisterReply(CsError.OK));
        assertThat(vq.qdeviceRegister("Qdevice")).contains(CsError.OK);
        assertThat(vq.qdeviceRegister("Other")).contains(CsError.ERR_EXIST);
        assertThat(vq.qdevicePoll("Qdevice", true, new RingId(9, 9), 0)).isEqualTo(CsError.ERR_MESSAGE_ERROR);
        assertThat(vq.qdevicePoll("Other", true, r.ringId(), 0)).isEqualTo(CsError.ERR_INVALID_PARAM);
        assertThat(vq.qdevicePoll("Qdevice", true, r.ringId(), 0)).isEqualTo(CsError.OK);
        r.deliver(1, 2);
        assertThat(r.info(1).totalVotes()).isEqualTo(3);
        assertThat(r.node(2).qdeviceName()).as("remote name recorded").isEqualTo("Qdevice");
        Votequorum two = r.node(2);
        assertThat(two.qdeviceRegister("Other")).isEmpty();
        r.deliver(1, 2);
        assertThat(r.effects).contains(new Effect.RegisterReply(CsError.ERR_EXIST));
        assertThat(vq.qdeviceUpdate("Other", "New")).isEqualTo(CsError.ERR_INVALID_PARAM);
        assertThat(vq.qdeviceUpdate("Qdevice", "Renamed")).isEqualTo(CsError.OK);
        r.deliver(1, 2);
        assertThat(vq.qdeviceName()).isEqualTo("Renamed");
        assertThat(vq.qdeviceUnregister("Qdevice")).isEqualTo(CsError.ERR_INVALID_PARAM);
        assertThat(vq.qdeviceUnregister("Renamed")).isEqualTo(CsError.OK);
        r.deliver(1, 2);
        assertThat(r.info(1).has(InfoFlag.QDEVICE_REGISTERED)).isFalse();
        assertThat(r.info(1).totalVotes()).isEqualTo(2);
    }

    @Test
    void aRegisteredAliveDeviceHoldsTheSyncUntilItPollsWithTheNewRing() {
        Ring r = twoNodesWithAPolledDevice();
        Votequorum vq = r.node(1);
        r.effects.clear();
        r.install(1, 2);
        assertThat(vq.syncInProgress()).isTrue();
        assertThat(r.effects).contains(new Effect.ArmTimer(TimerKind.QDEVICE, 30_000, 30_000));
        assertThat(vq.syncProcess()).isFalse();
        assertThat(vq.qdevicePoll("Qdevice", true, new RingId(1, 4), 0)).isEqualTo(CsError.ERR_MESSAGE_ERROR);
        assertThat(vq.syncProcess()).isFalse();
        assertThat(vq.qdevicePoll("Qdevice", true, vq.ringId(), 0)).isEqualTo(CsError.OK);
        assertThat(vq.syncProcess()).isTrue();
    }

    @Test
    void theDeviceTimerReleasesTheSyncAndWithdrawsTheVote() {
        Ring r = twoNodesWithAPolledDevice();
        Votequorum vq = r.node(1);
        r.install(1, 2);
        assertThat(vq.syncProcess()).isFalse();
        vq.timerExpired(TimerKind.QDEVICE, 30_000);
        assertThat(vq.syncProcess()).isTrue();
        vq.syncActivate();
        r.deliver(1, 2);
        assertThat(r.effects).contains(new Effect.Log(Effect.Level.INFO, "lost contact with quorum device Qdevice"));
        assertThat(r.info(1).has(InfoFlag.QDEVICE_CAST_VOTE)).isFalse();
        assertThat(r.info(1).has(InfoFlag.QDEVICE_REGISTERED)).isTrue();
        assertThat(r.info(1).totalVotes()).isEqualTo(2);
    }

    @Test
    void aRuntimeIncompatibilityDisablesTheDeviceInsteadOfFailing() {
        Ring r = new Ring(nodes(3, "quorum.last_man_standing", "1"), 1, 2, 3);
        r.install(1, 2, 3);
        r.node(1).reload(nodes(3, "quorum.last_man_standing", "1", "quorum.device.model", "net"));
        r.deliver(1, 2, 3);
        assertThat(r.node(1).qdeviceCanOperate()).isFalse();
        assertThat(r.node(1).qdeviceRegister("Qdevice")).contains(CsError.ERR_ACCESS);
        assertThat(r.effects).contains(new Effect.Log(Effect.Level.CRIT,
                "configuration error: quorum.device is not compatible with last_man_standing"));
    }

    @Test
    void masterWinsMakesTheDevicesPartitionQuorate() {
        Map<String, String> cmap = nodes(4, "quorum.device.model", "net", "quorum.device.votes", "1");
        Ring r = new Ring(cmap, 1, 2, 3, 4);
        r.install(1, 2, 3, 4);
        Votequorum vq = r.node(1);
        vq.qdeviceRegister("Qdevice");
        r.deliver(1, 2, 3, 4);
        assertThat(vq.qdeviceMasterWins("Qdevice", true)).isEqualTo(CsError.OK);
        vq.qdevicePoll("Qdevice", true, r.ringId(), 0);
        r.deliver(1, 2, 3, 4);
        vq.timerExpired(TimerKind.QDEVICE, 0); // not alive-checked: the poll armed it; corosync clears the vote
        r.deliver(1, 2, 3, 4);
        vq.qdevicePoll("Qdevice", true, r.ringId(), 0);
        r.deliver(1, 2, 3, 4);
        r.install(1);
        vq.qdevicePoll("Qdevice", true, vq.ringId(), 0);
        vq.syncProcess();
        vq.syncActivate();
        r.deliver(1);
        assertThat(r.info(1).totalVotes()).isEqualTo(2);
        assertThat(r.info(1).quorum()).isEqualTo(3);
        assertThat(vq.quorate()).as("T 2 < Q 3, but master_wins with the vote").isTrue();
        assertThat(r.info(1).has(InfoFlag.QDEVICE_MASTER_WINS)).isTrue();
    }

    @Test
    void expectedVotesTrackingCreatesItsFileOnceAndStartsFromWhatTheFileHolds() {
        Ring r = new Ring(nodes(3, "quorum.expected_votes_tracking", "1"), 1, 2, 3);
        r.install(1, 2, 3);
        assertThat(r.effects).as("3.1.7 writes the file only when it creates it; later updates fail and are logged")
                .contains(new Effect.CreateEvTrackingFile(0),
                        new Effect.Log(Effect.Level.WARNING, "Unable to update ev_tracking_barrier on disk data!!!"))
                .filteredOn(e -> e instanceof Effect.CreateEvTrackingFile).as("one per node, never the raised 3")
                .containsOnly(new Effect.CreateEvTrackingFile(0)).hasSize(3);
        Votequorum restarted = Votequorum.start(nodes(2, "quorum.expected_votes_tracking", "1"), 1,
                OptionalLong.of(3));
        assertThat(restarted.getInfo(0).orElseThrow().expectedVotes()).as("a file's barrier replaces the nodelist's 2")
                .isEqualTo(3);
    }

    @Test
    void allowDownscaleAnnouncesTheLeaveAndLowersExpectedVotes() {
        Ring r = new Ring(nodes(4, "quorum.allow_downscale", "1"), 1, 2, 3, 4);
        r.install(1, 2, 3, 4);
        r.node(4).shutdown();
        r.deliver(1, 2, 3, 4);
        assertThat(r.info(1).has(InfoFlag.ALLOW_DOWNSCALE)).isTrue();
        assertThat(r.node(1).getInfo(4).orElseThrow().state()).isEqualTo(org.quorate.cluster.NodeState.LEAVING);
        assertThat(r.info(1).expectedVotes()).as("members' expected := members present").isEqualTo(3);
        assertThat(r.info(1).quorum()).as("but ev_barrier 4 keeps the quorum at (4+2)/2").isEqualTo(3);
        assertThat(r.info(1).totalVotes()).isEqualTo(3);
    }

    @Test
    void cancelWaitForAllReleasesAWaitingPartition() {
        Ring r = new Ring(nodes(3, "quorum.wait_for_all", "1"), 1, 2, 3);
        r.install(1, 2);
        assertThat(r.node(1).quorate()).isFalse();
        assertThat(r.node(1).waitForAllStatus()).isTrue();
        r.node(1).cancelWaitForAll();
        r.deliver(1, 2);
        assertThat(r.node(1).quorate()).isTrue();
        assertThat(r.node(2).quorate()).isTrue();
    }

    @Test
    void reloadRemovingANodeLowersExpectedVotesClusterWide() {
        Ring r = new Ring(nodes(4), 1, 2, 3, 4);
        r.install(1, 2, 3, 4);
        r.install(1, 2, 3);
        assertThat(r.info(1).expectedVotes()).isEqualTo(4);
        Map<String, String> three = nodes(3);
        for (long id = 1; id <= 3; id++) {
            r.node(id).reload(three);
        }
        r.deliver(1, 2, 3);
        for (long id = 1; id <= 3; id++) {
            assertThat(r.info(id).expectedVotes()).isEqualTo(3);
            assertThat(r.info(id).quorum()).isEqualTo(2);
        }
    }

    @Test
    void ca320beaReloadOfOneToThreeNodesWithWaitForAllKeepsVotequorumAndTheQuorumServiceInStep() {
        Ring r = new Ring(nodes(1, "quorum.wait_for_all", "1"), 1);
        r.install(1);
        assertThat(r.node(1).quorate()).isTrue();
        r.effects.clear();
        r.node(1).reload(nodes(3, "quorum.wait_for_all", "1"));
        r.deliver(1);
        boolean votequorum = r.node(1).quorate();
        Optional<Effect.QuorumChanged> lastAnnounced = r.effects.stream()
                .filter(Effect.QuorumChanged.class::isInstance).map(Effect.QuorumChanged.class::cast)
                .reduce((a, b) -> b);
        assertThat(votequorum).isFalse();
        assertThat(lastAnnounced).as("the quorum service was told").isPresent();
        assertThat(lastAnnounced.get().quorate()).isEqualTo(votequorum);
    }

    @Test
    void c0c16442fExpectedBelowTheVotesPresentIsRefused() {
        Ring r = new Ring(nodes(5), 1, 2, 3, 4, 5);
        r.install(1, 2, 3);
        assertThat(r.node(1).setExpected(2)).as("2 < 3 votes present").isEqualTo(CsError.ERR_INVALID_PARAM);
        assertThat(r.node(1).setExpected(3)).isEqualTo(CsError.OK);
        r.deliver(1, 2, 3);
        assertThat(r.info(2).expectedVotes()).isEqualTo(3);
        assertThat(r.info(2).quorum()).isEqualTo(2);
    }
}
