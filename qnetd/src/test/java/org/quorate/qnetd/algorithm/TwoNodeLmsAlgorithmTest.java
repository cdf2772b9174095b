package org.quorate.qnetd.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.qnetd.algorithm.ClusterHarness.ring;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

class TwoNodeLmsAlgorithmTest {
    private static ClusterHarness twoNodes(TieBreaker tb) {
        ClusterHarness h = new ClusterHarness(DecisionAlgorithm.TWO_NODE_LMS, tb);
        h.join(1);
        h.join(2);
        assertThat(h.config(1, true, 1, 2).replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(h.config(2, true, 1, 2).replyVote()).isEqualTo(Vote.NO_CHANGE);
        return h;
    }

    @Test
    void item34ThreeConfiguredNodesAreRejectedWithError12() {
        ClusterHarness h = new ClusterHarness(DecisionAlgorithm.TWO_NODE_LMS, TieBreaker.LOWEST);
        h.join(1);
        Outcome outcome = h.config(1, true, 1, 2, 3);
        assertThat(outcome.error()).isEqualTo(ReplyErrorCode.UNSUPPORTED_DECISION_ALGORITHM);
        assertThat(h.client(1).configNodes()).isEmpty();
    }

    @Test
    void bothNodesTogetherGetAck() {
        ClusterHarness h = twoNodes(TieBreaker.LOWEST);
        assertThat(h.membership(1, ring(1, 1), 1, 2).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.membership(2, ring(1, 1), 1, 2).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.sentVoteInfos).isEmpty(); // votes travel only in replies
    }

    @Test
    void splitWithBothConnectedFollowsEachTieBreaker() {
        ClusterHarness lowest = twoNodes(TieBreaker.LOWEST);
        assertThat(lowest.membership(2, ring(2, 2), 2).replyVote()).isEqualTo(Vote.NACK);
        assertThat(lowest.membership(1, ring(1, 2), 1).replyVote()).isEqualTo(Vote.ACK);

        ClusterHarness highest = twoNodes(TieBreaker.HIGHEST);
        assertThat(highest.membership(1, ring(1, 2), 1).replyVote()).isEqualTo(Vote.NACK);
        assertThat(highest.membership(2, ring(2, 2), 2).replyVote()).isEqualTo(Vote.ACK);

        ClusterHarness nodeId = twoNodes(TieBreaker.nodeId(2));
        assertThat(nodeId.membership(1, ring(1, 2), 1).replyVote()).isEqualTo(Vote.NACK);
        assertThat(nodeId.membership(2, ring(2, 2), 2).replyVote()).isEqualTo(Vote.ACK);
    }

    @Test
    void heuristicsBeatTheTieBreaker() {
        ClusterHarness h = twoNodes(TieBreaker.LOWEST);
        h.membership(2, ring(2, 2), HeuristicsResult.PASS, 2);
        assertThat(h.client(2).lastSentVote()).isEqualTo(Vote.ACK); // PASS > other's UNDEFINED
        assertThat(h.membership(1, ring(1, 2), 1).replyVote()).isEqualTo(Vote.NACK); // UNDEFINED < PASS
        assertThat(h.membership(1, ring(1, 3), HeuristicsResult.FAIL, 1).replyVote()).isEqualTo(Vote.NACK);
    }

    @Test
    void lastManStandingGetsAck() {
        ClusterHarness h = twoNodes(TieBreaker.LOWEST);
        h.membership(1, ring(1, 1), 1, 2);
        h.membership(2, ring(1, 1), 1, 2);
        h.disconnect(1);
        assertThat(h.membership(2, ring(2, 5), 2).replyVote()).isEqualTo(Vote.ACK);
    }

    @Test
    void askForVoteRepeatsTheLastResult() {
        ClusterHarness h = twoNodes(TieBreaker.LOWEST);
        assertThat(h.askForVote(2).replyVote()).isEqualTo(Vote.ASK_LATER);
        h.membership(2, ring(2, 2), 2);
        assertThat(h.askForVote(2).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.heuristics(2, HeuristicsResult.PASS).replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(h.client(2).lastHeuristics()).isEqualTo(HeuristicsResult.PASS);
    }

    @Test
    void newcomerGetsNackWithoutStoringItWhileAnotherRingHoldsTheVote() {
        ClusterHarness h = new ClusterHarness(DecisionAlgorithm.TWO_NODE_LMS, TieBreaker.LOWEST);
        h.join(2);
        h.config(2, true, 1, 2);
        assertThat(h.membership(2, ring(2, 4), 2).replyVote()).isEqualTo(Vote.ACK); // alone
        h.join(1);
        h.config(1, true, 1, 2);
        assertThat(h.membership(1, ring(1, 4), 1).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.askForVote(1).replyVote()).isEqualTo(Vote.ASK_LATER); // the NACK was not stored
    }
}
