package org.quorate.qnetd.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;

class ClusterStateTest {
    private final ClusterArbiter arbiter = new ClusterArbiter();

    private static ClientState client(long id, DecisionAlgorithm alg, TieBreaker tb, boolean kap) {
        return new ClientState(id, alg, tb, kap, RingId.ZERO);
    }

    @Test
    void clientsAreKeptInAscendingNodeIdOrderAndRemovedOnDisconnect() {
        ClusterState cluster = new ClusterState("c");
        for (long id : new long[] {5, 1, 3}) {
            arbiter.clientInit(cluster, client(id, DecisionAlgorithm.LMS, TieBreaker.LOWEST, false));
        }
        assertThat(cluster.clients()).extracting(ClientState::nodeId).containsExactly(1L, 3L, 5L);
        arbiter.disconnect(cluster, cluster.find(3).orElseThrow(), false);
        assertThat(cluster.clients()).extracting(ClientState::nodeId).containsExactly(1L, 5L);
        arbiter.disconnect(cluster, cluster.find(1).orElseThrow(), false);
        arbiter.disconnect(cluster, cluster.find(5).orElseThrow(), false);
        assertThat(cluster.isEmpty()).isTrue();
    }

    @Test
    void compatibilityCheckOrderIsTieBreakerThenAlgorithmThenNodeId() {
        ClusterState cluster = new ClusterState("c");
        arbiter.clientInit(cluster, client(1, DecisionAlgorithm.FFSPLIT, TieBreaker.LOWEST, false));
        assertThat(cluster.compatibilityError(1, DecisionAlgorithm.LMS, TieBreaker.HIGHEST))
                .isEqualTo(ReplyErrorCode.TIE_BREAKER_DIFFERS_FROM_OTHER_NODES);
        assertThat(cluster.compatibilityError(1, DecisionAlgorithm.LMS, TieBreaker.LOWEST))
                .isEqualTo(ReplyErrorCode.ALGORITHM_DIFFERS_FROM_OTHER_NODES);
        assertThat(cluster.compatibilityError(1, DecisionAlgorithm.FFSPLIT, TieBreaker.LOWEST))
                .isEqualTo(ReplyErrorCode.DUPLICATE_NODE_ID);
        assertThat(cluster.compatibilityError(2, DecisionAlgorithm.FFSPLIT, TieBreaker.LOWEST))
                .isEqualTo(ReplyErrorCode.NO_ERROR);
        assertThat(cluster.compatibilityError(2, DecisionAlgorithm.FFSPLIT, TieBreaker.nodeId(1)))
                .isEqualTo(ReplyErrorCode.TIE_BREAKER_DIFFERS_FROM_OTHER_NODES);
    }

    @Test
    void kapMarkerNeedsEveryClientOnFfsplitWithKap() {
        ClusterState cluster = new ClusterState("c");
        ClientState one = client(1, DecisionAlgorithm.FFSPLIT, TieBreaker.LOWEST, true);
        arbiter.clientInit(cluster, one);
        assertThat(cluster.showsKeepActivePartitionTieBreaker()).isTrue();
        arbiter.clientInit(cluster, client(2, DecisionAlgorithm.FFSPLIT, TieBreaker.LOWEST, false));
        assertThat(cluster.showsKeepActivePartitionTieBreaker()).isFalse();
        cluster.find(2).orElseThrow().keepActivePartition(true); // SET_OPTION
        assertThat(cluster.showsKeepActivePartitionTieBreaker()).isTrue();

        ClusterState lms = new ClusterState("l");
        arbiter.clientInit(lms, client(1, DecisionAlgorithm.LMS, TieBreaker.LOWEST, true));
        assertThat(lms.showsKeepActivePartitionTieBreaker()).isFalse();
    }

    @Test
    void configListAndVersionAreStoredOnlyWhenAccepted() {
        ClusterState cluster = new ClusterState("c");
        ClientState c = client(1, DecisionAlgorithm.LMS, TieBreaker.LOWEST, false);
        arbiter.clientInit(cluster, c);
        List<NodeInfo> nodes = List.of(NodeInfo.of(1), NodeInfo.of(2, org.quorate.cluster.NodeState.NOT_SET));
        arbiter.configNodeList(cluster, c, 7, true, OptionalLong.of(42), nodes);
        assertThat(c.configNodes()).isEqualTo(nodes);
        assertThat(c.configVersion()).hasValue(42);

        ClientState two = client(2, DecisionAlgorithm.TWO_NODE_LMS, TieBreaker.LOWEST, false);
        ClusterState other = new ClusterState("o");
        arbiter.clientInit(other, two);
        Outcome rejected = arbiter.configNodeList(other, two, 1, true, OptionalLong.of(3), List.of(NodeInfo.of(2)));
        assertThat(rejected.isError()).isTrue();
        assertThat(rejected.replyVote()).isNull();
        assertThat(two.configNodes()).isEmpty();
        assertThat(two.configVersion()).isEmpty();
    }

    @Test
    void timerDelayIsAQuarterOfTheHeartbeat() {
        assertThat(ClusterArbiter.algorithmTimerDelayMillis(8000)).isEqualTo(2000);
    }
}
