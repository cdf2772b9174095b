package org.quorate.qnetd.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.qnetd.algorithm.ClusterHarness.ring;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

class TestAlgorithmTest {
    @Test
    void acksEveryMembershipAndVoteRequestEvenInDisjointPartitions() {
        ClusterHarness h = new ClusterHarness(DecisionAlgorithm.TEST, TieBreaker.LOWEST);
        h.join(1);
        h.join(2);
        assertThat(h.config(1, true, 1, 2).replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(h.membership(1, ring(1, 1), 1).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.membership(2, ring(2, 1), 2).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.quorum(1, true, 1).replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(h.askForVote(2).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.heuristics(2, HeuristicsResult.FAIL).replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(h.timer(1)).isEqualTo(Outcome.NOTHING);
        assertThat(h.voteInfoReply(1, 1)).isEqualTo(Outcome.NOTHING);
        assertThat(h.sentVoteInfos).isEmpty();
        assertThat(h.client(1).voteStatusText()).isEqualTo("No change (ACK)");
    }

    @Test
    void factoryHasOneImplementationPerAlgorithm() {
        for (DecisionAlgorithm type : DecisionAlgorithm.values()) {
            assertThat(Algorithms.forType(type).type()).isEqualTo(type);
        }
    }
}
