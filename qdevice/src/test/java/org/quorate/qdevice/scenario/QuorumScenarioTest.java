package org.quorate.qdevice.scenario;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.Vote;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.NodeStatus;
import org.quorate.qdevice.backend.QuorumNotification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end scenarios of Quorate's qdevice net client against Quorate's qnetd, run twice: on the in-memory
 * network under a virtual clock, and over loopback TCP in real time (JGroups/Ratis-style transport seam).
 */
class QuorumScenarioTest {
    static final Duration SETTLE = Duration.ofSeconds(30);

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("in-memory", (Supplier<QuorumNetwork>) InMemoryQuorumNetwork::new),
                Arguments.of("loopback", (Supplier<QuorumNetwork>) SocketQuorumNetwork::new));
    }

    /** Node ids 1..n of one cluster, all on ring (1, 1) with full membership, connected. */
    static List<SimNode> cluster(QuorumNetwork net, int size, DecisionAlgorithm algorithm) {
        List<SimNode> nodes = new ArrayList<>();
        for (long id = 1; id <= size; id++) {
            nodes.add(net.start(id, size, algorithm));
        }
        membership(net, nodes, new RingId(1, 2), size);
        return nodes;
    }

    /** Every node of {@code group} sees the membership {@code group} on {@code ring}, then the quorum callback. */
    private static void membership(QuorumNetwork net, List<SimNode> group, RingId ring, int clusterSize) {
        List<Long> ids = group.stream().map(SimNode::nodeId).toList();
        boolean quorate = ids.size() * 2 > clusterSize;
        List<NodeStatus> states = ids.stream().map(id -> new NodeStatus(id, NodeState.MEMBER)).toList();
        for (SimNode n : group) {
            net.onNode(n, () -> {
                n.client.nodeListChanged(new NodeListNotification(ring, ids));
                n.client.quorumChanged(new QuorumNotification(quorate, states));
            });
        }
    }

    static Vote vote(QuorumNetwork net, SimNode n) {
        return net.query(n, () -> n.castVote.vote());
    }

    static void awaitVotes(QuorumNetwork net, String what, List<SimNode> nodes, Vote... expected) {
        net.await(what, SETTLE, () -> {
            for (int i = 0; i < nodes.size(); i++) {
                if (vote(net, nodes.get(i)) != expected[i]) {
                    return false;
                }
            }
            return true;
        });
        for (int i = 0; i < nodes.size(); i++) {
            assertThat(vote(net, nodes.get(i))).as("%s on %s", what, nodes.get(i)).isEqualTo(expected[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void twoNodeFfsplitSplitGoesToTheLowestNodeAndHeals(String name, Supplier<QuorumNetwork> network) {
        try (QuorumNetwork net = network.get()) {
            List<SimNode> nodes = cluster(net, 2, DecisionAlgorithm.FFSPLIT);
            awaitVotes(net, "both nodes cast the vote", nodes, Vote.ACK, Vote.ACK);

            membership(net, List.of(nodes.get(0)), new RingId(1, 6), 2);
            membership(net, List.of(nodes.get(1)), new RingId(2, 6), 2);
            awaitVotes(net, "split: node 1 keeps the vote, node 2 loses it", nodes, Vote.ACK, Vote.NACK);

            membership(net, nodes, new RingId(1, 10), 2);
            awaitVotes(net, "healed: both cast again", nodes, Vote.ACK, Vote.ACK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void survivorOfAKilledNodeKeepsTheVote(String name, Supplier<QuorumNetwork> network) {
        try (QuorumNetwork net = network.get()) {
            List<SimNode> nodes = cluster(net, 2, DecisionAlgorithm.FFSPLIT);
            awaitVotes(net, "both nodes cast the vote", nodes, Vote.ACK, Vote.ACK);
            SimNode dead = nodes.get(1);
            net.onNode(dead, () -> dead.client.stop());
            membership(net, List.of(nodes.get(0)), new RingId(1, 6), 2);
            awaitVotes(net, "node 1 alone keeps the vote", List.of(nodes.get(0)), Vote.ACK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void threeNodeLmsMajorityKeepsTheVoteAndMinorityLosesIt(String name, Supplier<QuorumNetwork> network) {
        try (QuorumNetwork net = network.get()) {
            List<SimNode> nodes = cluster(net, 3, DecisionAlgorithm.LMS);
            awaitVotes(net, "all cast", nodes, Vote.ACK, Vote.ACK, Vote.ACK);
            membership(net, nodes.subList(0, 2), new RingId(1, 6), 3);
            membership(net, List.of(nodes.get(2)), new RingId(3, 6), 3);
            awaitVotes(net, "2:1 split", nodes, Vote.ACK, Vote.ACK, Vote.NACK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void qnetdRestartWithdrawsAndRestoresTheVote(String name, Supplier<QuorumNetwork> network) {
        try (QuorumNetwork net = network.get()) {
            List<SimNode> nodes = cluster(net, 2, DecisionAlgorithm.FFSPLIT);
            awaitVotes(net, "both nodes cast the vote", nodes, Vote.ACK, Vote.ACK);
            net.stopQnetd();
            // ffsplit withdraws the vote when the connection drops (spec §7.6)
            awaitVotes(net, "vote withdrawn while qnetd is down", nodes, Vote.NACK, Vote.NACK);
            net.startQnetd();
            awaitVotes(net, "vote back after qnetd restarts", nodes, Vote.ACK, Vote.ACK);
        }
    }
}
