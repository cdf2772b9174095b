package org.quorate.qdevice.scenario;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.Vote;
import org.quorate.qdevice.scenario.QuorumNetwork.Direction;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.qdevice.scenario.QuorumScenarioTest.awaitVotes;
import static org.quorate.qdevice.scenario.QuorumScenarioTest.cluster;
import static org.quorate.qdevice.scenario.QuorumScenarioTest.vote;

/**
 * Faults between one node and qnetd, each played on the in-memory network and on loopback TCP through a
 * fault proxy, with the same expected outcome. A 2-node ffsplit cluster, both nodes in one membership, so
 * qnetd has no reason to move the vote: only the faulted node's own connection decides.
 */
@Timeout(120)
class FaultScenarioTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(ScenarioConfig.HEARTBEAT_MS);

    static Stream<Arguments> networksAndDirections() {
        return QuorumScenarioTest.networks().flatMap(net -> Stream.of(Direction.values())
                .map(d -> Arguments.of(net.get()[0], net.get()[1], d)));
    }

    @ParameterizedTest(name = "{0}, cut {2}")
    @MethodSource("networksAndDirections")
    void aNodeCutFromQnetdLosesTheVoteItsPeerKeepsItAndHealingBringsItBack(String name,
            Supplier<QuorumNetwork> network, Direction direction) {
        try (QuorumNetwork net = network.get()) {
            List<SimNode> nodes = cluster(net, 2, DecisionAlgorithm.FFSPLIT);
            awaitVotes(net, "both nodes cast the vote", nodes, Vote.ACK, Vote.ACK);
            SimNode cut = nodes.get(1);
            net.cut(cut, direction);
            // the node sees no echo replies within its heartbeat (and qnetd's dead-peer timer sees no
            // heartbeats): it drops the connection and withdraws its vote; node 1 is untouched
            awaitVotes(net, "node 2 cut " + direction + " loses the vote", nodes, Vote.ACK, Vote.NACK);
            net.pass(HEARTBEAT.multipliedBy(2));
            assertThat(vote(net, nodes.get(1))).as("node 2 stays without the vote while cut").isEqualTo(Vote.NACK);
            assertThat(vote(net, nodes.get(0))).as("node 1 keeps the vote").isEqualTo(Vote.ACK);
            net.heal(cut);
            awaitVotes(net, "healed: node 2 reconnects and casts again", nodes, Vote.ACK, Vote.ACK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.quorate.qdevice.scenario.QuorumScenarioTest#networks")
    void aDelayBelowTheHeartbeatChangesNothing(String name, Supplier<QuorumNetwork> network) {
        try (QuorumNetwork net = network.get()) {
            List<SimNode> nodes = cluster(net, 2, DecisionAlgorithm.FFSPLIT);
            awaitVotes(net, "both nodes cast the vote", nodes, Vote.ACK, Vote.ACK);
            long connectedSince = net.query(nodes.get(1), () -> nodes.get(1).client.connectedSinceMillis());
            net.delay(nodes.get(1), HEARTBEAT.dividedBy(6));   // a round trip of a third of the heartbeat
            for (int beat = 0; beat < 4; beat++) {
                net.pass(HEARTBEAT);
                assertThat(vote(net, nodes.get(0))).as("node 1 after %d heartbeats", beat + 1).isEqualTo(Vote.ACK);
                assertThat(vote(net, nodes.get(1))).as("delayed node 2 after %d heartbeats", beat + 1).isEqualTo(Vote.ACK);
            }
            assertThat(net.query(nodes.get(1), () -> nodes.get(1).client.connectedSinceMillis()))
                    .as("node 2 kept its first connection").isEqualTo(connectedSince);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.quorate.qdevice.scenario.QuorumScenarioTest#networks")
    void aLostConnectionReconnectsAndGetsTheVoteBack(String name, Supplier<QuorumNetwork> network) {
        try (QuorumNetwork net = network.get()) {
            List<SimNode> nodes = cluster(net, 2, DecisionAlgorithm.FFSPLIT);
            awaitVotes(net, "both nodes cast the vote", nodes, Vote.ACK, Vote.ACK);
            SimNode lost = nodes.get(1);
            net.pass(Duration.ofSeconds(1));
            long firstConnection = net.query(lost, () -> lost.client.connectedSinceMillis());
            net.dropConnection(lost);
            net.await("node 2 reconnects", QuorumScenarioTest.SETTLE,
                    () -> net.query(lost, () -> lost.client.connectedSinceMillis()) > firstConnection);
            awaitVotes(net, "node 2 casts again on its new connection", nodes, Vote.ACK, Vote.ACK);
        }
    }
}
