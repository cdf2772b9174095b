package org.quorate.qnetd.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.qnetd.algorithm.ClusterHarness.describe;
import static org.quorate.qnetd.algorithm.ClusterHarness.ring;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

class FfsplitAlgorithmTest {
    private static final long[] TWO = {1, 2};
    private static final long[] FOUR = {1, 2, 3, 4};

    private static ClusterHarness harness(TieBreaker tieBreaker) {
        return new ClusterHarness(DecisionAlgorithm.FFSPLIT, tieBreaker);
    }

    /** Four clients with config {1..4}, split into {1,2} | {3,4}, nothing acknowledged yet. */
    private static ClusterHarness fourNodeSplit(TieBreaker tieBreaker, HeuristicsResult h3, boolean kap) {
        ClusterHarness h = harness(tieBreaker);
        for (long id : FOUR) {
            h.join(id, kap);
            h.config(id, true, FOUR);
        }
        h.membership(1, ring(1, 5), 1, 2);
        h.membership(2, ring(1, 5), 1, 2);
        h.membership(3, ring(3, 5), h3, 3, 4);
        h.membership(4, ring(3, 5), 3, 4);
        return h;
    }

    @Test
    void item29TwoNodeSplitLowestWinsAndAckWaitsForNackAcknowledgement() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.join(1);
        h.join(2);
        assertThat(h.config(1, true, TWO).replyVote()).isEqualTo(Vote.ASK_LATER);
        assertThat(h.config(2, true, TWO).replyVote()).isEqualTo(Vote.ASK_LATER);
        h.membership(1, ring(1, 8), 1);

        Outcome last = h.membership(2, ring(2, 8), 2);

        assertThat(last.replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(describe(last)).containsExactly("2:NACK");
        VoteInfo nack = last.voteInfos().get(0);
        assertThat(nack.ringId()).isEqualTo(ring(2, 8)); // the sender gets the ring of its message
        assertThat(h.cluster.ffsplitPhase()).isEqualTo(FfsplitClusterPhase.SENDING_NACKS);

        // a reply to the older NACK (seq 1) is stale and releases nothing
        assertThat(nack.seq()).isEqualTo(2);
        assertThat(h.voteInfoReply(2, 1).voteInfos()).isEmpty();

        Outcome released = h.voteInfoReply(2, nack.seq());
        assertThat(describe(released)).containsExactly("1:ACK");
        assertThat(released.voteInfos().get(0).ringId()).isEqualTo(ring(1, 8));
        assertThat(released.voteInfos().get(0).seq()).isEqualTo(1);
        assertThat(released.replyVote()).isNull();

        h.ackLatest(1);
        assertThat(h.cluster.ffsplitPhase()).isEqualTo(FfsplitClusterPhase.WAITING_FOR_CHANGE);
        assertThat(h.ackedNodes()).containsExactly(1L);
        assertThat(h.ackNack(2)).isEqualTo(Vote.NACK);
    }

    @Test
    void highestTieBreakerPrefersTheHalfWithTheHighestConfiguredNode() {
        ClusterHarness h = fourNodeSplit(TieBreaker.HIGHEST, HeuristicsResult.UNDEFINED, false);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);
    }

    @Test
    void nodeIdTieBreakerPrefersTheHalfContainingThatNode() {
        ClusterHarness h = fourNodeSplit(TieBreaker.nodeId(3), HeuristicsResult.UNDEFINED, false);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);
    }

    @Test
    void nodeIdTieBreakerOutsideBothHalvesGivesTheVoteToTheFirstHalfInNodeIdOrder() {
        ClusterHarness h = fourNodeSplit(TieBreaker.nodeId(9), HeuristicsResult.UNDEFINED, false);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);
    }

    @Test
    void item30PassBeatsUndefinedDespiteTheTieBreaker() {
        ClusterHarness h = fourNodeSplit(TieBreaker.LOWEST, HeuristicsResult.PASS, false);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);
        assertThat(h.ackNack(1)).isEqualTo(Vote.NACK);
        assertThat(h.ackNack(2)).isEqualTo(Vote.NACK);
    }

    @Test
    void item30UndefinedBeatsFailDespiteTheTieBreaker() {
        ClusterHarness h = fourNodeSplit(TieBreaker.HIGHEST, HeuristicsResult.FAIL, false);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);
    }

    @Test
    void item30HeuristicsChangeReDecides() {
        ClusterHarness h = fourNodeSplit(TieBreaker.LOWEST, HeuristicsResult.UNDEFINED, false);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);

        Outcome change = h.heuristics(4, HeuristicsResult.PASS);
        assertThat(change.replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(describe(change)).containsExactly("1:NACK", "2:NACK"); // ACKs wait for these
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);
        assertThat(h.client(4).lastHeuristics()).isEqualTo(HeuristicsResult.PASS);
        assertThat(h.client(4).regularHeuristics()).isEqualTo(HeuristicsResult.PASS);
    }

    @Test
    void item30EqualScoresFallBackToTheNumberOfActiveClients() {
        // {1,2} both connected, 2 fails: score 2 + 0 - 1 = 1, active 2.
        // {3,4} only 3 connected:        score 1,             active 1. HIGHEST would pick {3,4}.
        ClusterHarness h = harness(TieBreaker.HIGHEST);
        for (long id : new long[] {1, 2, 3}) {
            h.join(id);
            h.config(id, true, FOUR);
        }
        h.membership(1, ring(1, 5), 1, 2);
        h.membership(2, ring(1, 5), HeuristicsResult.FAIL, 1, 2);
        h.membership(3, ring(3, 5), 3, 4);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);
    }

    /** Round 1: {3,4} wins by heuristics. Round 2: new rings, all heuristics undefined. */
    private static ClusterHarness kapScenario(boolean kap1, boolean kap2, boolean kap3, boolean kap4) {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        boolean[] kap = {kap1, kap2, kap3, kap4};
        for (long id : FOUR) {
            h.join(id, kap[(int) id - 1]);
            h.config(id, true, FOUR);
        }
        h.membership(1, ring(1, 5), 1, 2);
        h.membership(2, ring(1, 5), 1, 2);
        h.membership(3, ring(3, 5), HeuristicsResult.PASS, 3, 4);
        h.membership(4, ring(3, 5), 3, 4);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);
        assertThat(h.cluster.quoratePartition()).extracting(n -> n.nodeId()).containsExactly(3L, 4L);

        h.membership(3, ring(3, 9), 3, 4);
        h.membership(4, ring(3, 9), 3, 4);
        h.membership(1, ring(1, 9), 1, 2);
        h.membership(2, ring(1, 9), 1, 2);
        h.settle();
        return h;
    }

    @Test
    void item30KeepActivePartitionKeepsThePreviousWinnerOnATie() {
        ClusterHarness h = kapScenario(true, true, true, true);
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);
        assertThat(h.cluster.showsKeepActivePartitionTieBreaker()).isTrue();
    }

    @Test
    void withoutKeepActivePartitionTheTieBreakerDecides() {
        ClusterHarness h = kapScenario(false, false, false, false);
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);
        assertThat(h.cluster.showsKeepActivePartitionTieBreaker()).isFalse();
    }

    @Test
    void keepActivePartitionNeedsEveryClient() {
        ClusterHarness h = kapScenario(true, true, true, false);
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);
        assertThat(h.cluster.showsKeepActivePartitionTieBreaker()).isFalse();
    }

    @Test
    void item31DisconnectReDecidesForTheRemainingClients() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.join(1);
        h.join(2);
        h.config(1, true, TWO);
        h.config(2, true, TWO);
        h.membership(1, ring(1, 8), 1);
        h.membership(2, ring(2, 8), 2);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(1L);

        Outcome gone = h.disconnect(1);

        assertThat(describe(gone)).containsExactly("2:ACK"); // no NACK owed by anyone
        assertThat(gone.voteInfos().get(0).ringId()).isEqualTo(ring(2, 8));
        assertThat(gone.timerCommands()).extracting(TimerCommand::action).containsExactly(TimerCommand.Action.CANCEL);
        assertThat(h.cluster.clients()).extracting(ClientState::nodeId).containsExactly(2L);
        assertThat(h.client(2).voteStatusText()).isEqualTo("ACK (ACK)");
    }

    @Test
    void serverShutdownDoesNotReDecide() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.joinWithLists(1, TWO, ring(1, 8), 1);
        h.joinWithLists(2, TWO, ring(2, 8), 2);
        Outcome shutdown = h.arbiter.disconnect(h.cluster, h.client(1), true);
        assertThat(shutdown.voteInfos()).isEmpty();
        assertThat(h.cluster.clients()).hasSize(1);
    }

    @Test
    void item32InvalidListsAndAskForVoteAreErrorsAndStoreNothing() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.join(1);
        assertThat(h.config(1, true).error()).isEqualTo(ReplyErrorCode.INVALID_CONFIG_NODE_LIST);
        assertThat(h.config(1, true, 2, 3).error()).isEqualTo(ReplyErrorCode.INVALID_CONFIG_NODE_LIST);
        assertThat(h.client(1).configNodes()).isEmpty();
        assertThat(h.membership(1, ring(1, 1)).error()).isEqualTo(ReplyErrorCode.INVALID_MEMBERSHIP_NODE_LIST);
        assertThat(h.membership(1, ring(1, 1), 2).error()).isEqualTo(ReplyErrorCode.INVALID_MEMBERSHIP_NODE_LIST);
        assertThat(h.client(1).membershipNodes()).isEmpty();
        assertThat(h.client(1).ringId()).isEqualTo(org.quorate.cluster.RingId.ZERO);
        assertThat(h.askForVote(1).error()).isEqualTo(ReplyErrorCode.UNSUPPORTED_DECISION_ALGORITHM_MESSAGE);
        assertThat(h.client(1).lastSentVote()).isNull();
        assertThat(h.client(1).voteStatusText()).isNull();
    }

    @Test
    void listsArriveInEitherOrderAndAskLaterUntilBothAreKnown() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.join(1);
        assertThat(h.membership(1, ring(1, 1), 1).replyVote()).isEqualTo(Vote.ASK_LATER);
        assertThat(h.heuristics(1, HeuristicsResult.PASS).replyVote()).isEqualTo(Vote.ASK_LATER);
        Outcome changed = h.config(1, false, TWO);
        // a CHANGED_CONFIG with a stored membership decides: {1} is half of {1,2}, alone, lowest
        assertThat(changed.replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(describe(changed)).containsExactly("1:ACK");
        assertThat(h.client(1).voteStatusText()).isEqualTo("No change (ACK)");
    }

    @Test
    void item33OddClusterAcksOnlyTheStrictMajority() {
        long[] three = {1, 2, 3};
        ClusterHarness h = harness(TieBreaker.LOWEST);
        for (long id : three) {
            h.join(id);
            h.config(id, true, three);
        }
        h.membership(3, ring(3, 4), 3);
        h.membership(1, ring(1, 4), 1, 2);
        h.membership(2, ring(1, 4), 1, 2);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);

        // everybody alone: no partition has a majority, so nobody gets ACK
        h.membership(1, ring(1, 7), 1);
        h.membership(2, ring(2, 7), 2);
        h.settle();
        assertThat(h.ackedNodes()).isEmpty();
        assertThat(h.cluster.quoratePartition()).isEmpty();
        assertThat(h.ackNack(1)).isEqualTo(Vote.NACK);
    }

    @Test
    void unstableMembershipWaitsForReply() {
        ClusterHarness h = fourNodeSplit(TieBreaker.LOWEST, HeuristicsResult.UNDEFINED, false);
        h.settle();
        // node 1 moves to a new ring that node 2 has not reported yet
        Outcome waiting = h.membership(1, ring(1, 6), 1, 2);
        assertThat(waiting.replyVote()).isEqualTo(Vote.WAIT_FOR_REPLY);
        assertThat(waiting.voteInfos()).isEmpty();
        assertThat(h.cluster.ffsplitPhase()).isEqualTo(FfsplitClusterPhase.WAITING_FOR_STABLE_MEMBERSHIP);
        assertThat(h.client(1).voteStatusText()).isEqualTo("Wait for reply (ACK)");
    }

    @Test
    void differingConfigListsAreUnstable() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.join(1);
        h.join(2);
        h.config(1, true, TWO);
        h.config(2, true, 1, 2, 3);
        h.membership(1, ring(1, 1), 1, 2);
        assertThat(h.membership(2, ring(1, 1), 1, 2).replyVote()).isEqualTo(Vote.WAIT_FOR_REPLY);
    }

    @Test
    void item36VotesAreStoredForTheStatusTool() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.join(1);
        h.join(2);
        h.config(1, true, TWO);
        h.config(2, true, TWO);
        h.membership(1, ring(1, 3), 1, 2);
        Outcome together = h.membership(2, ring(1, 3), 1, 2);
        // no NACK owed: ACKs go out at once, before the NODE_LIST_REPLY
        assertThat(describe(together)).containsExactly("1:ACK", "2:ACK");
        assertThat(h.client(2).voteStatusText()).isEqualTo("No change (ACK)");
        assertThat(h.client(1).voteStatusText()).isEqualTo("ACK (ACK)");
        assertThat(h.quorum(2, true, 1, 2).replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(h.client(2).quorate()).isTrue();
    }

    @Test
    void errataE01EmptyConfigListsDoNotCrashAndNeverWin() {
        for (TieBreaker tb : new TieBreaker[] {TieBreaker.LOWEST, TieBreaker.HIGHEST, TieBreaker.nodeId(1)}) {
            ClusterHarness h = harness(tb);
            h.join(1);
            h.join(2);
            Outcome gone = h.disconnect(1); // the C server segfaults here for LOWEST/HIGHEST
            assertThat(describe(gone)).as("tie-breaker %s", tb).containsExactly("2:NACK");
            assertThat(h.cluster.quoratePartition()).isEmpty();
        }
    }

    @Test
    void errataE01ClientWithoutConfigListNeverWinsEvenWithMembers() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        h.join(1);
        h.join(2);
        h.membership(1, ring(1, 2), 1, 2);
        h.membership(2, ring(1, 2), 1, 2);
        Outcome gone = h.disconnect(2);
        assertThat(describe(gone)).containsExactly("1:NACK");
    }

    @Test
    void errataE03SenderIsScoredWithItsStoredHeuristicsInsideAnotherCandidatesPartition() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        for (long id : FOUR) {
            h.join(id);
            h.config(id, true, FOUR);
        }
        h.membership(1, ring(1, 5), 1, 2);
        h.membership(2, ring(1, 5), 1, 2);
        h.membership(3, ring(3, 5), HeuristicsResult.PASS, 3, 4);
        h.membership(4, ring(3, 5), HeuristicsResult.PASS, 3, 4);
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);

        h.membership(1, ring(1, 9), 1, 2);
        h.membership(2, ring(1, 9), 1, 2);
        h.membership(3, ring(3, 9), 3, 4);
        h.membership(4, ring(3, 9), 3, 4); // stable now; node 4 still counts with its stored PASS
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(3L, 4L);

        h.membership(4, ring(3, 9), 3, 4); // same list again: stored value is now Undefined
        h.settle();
        assertThat(h.ackedNodes()).containsExactly(1L, 2L);
    }

    @Test
    void lateReplyToAnEarlierRoundDoesNotCostTheWinnerItsAck() {
        ClusterHarness h = harness(TieBreaker.LOWEST);
        for (long id : FOUR) {
            h.join(id);
            h.config(id, true, FOUR);
        }
        h.membership(1, ring(1, 5), 1, 2);
        Outcome first = h.membership(2, ring(1, 5), 1, 2); // 3 and 4 have no membership yet: NACK
        assertThat(describe(first)).containsExactly("3:NACK", "4:NACK");
        h.membership(3, ring(3, 5), HeuristicsResult.PASS, 3, 4);
        Outcome second = h.membership(4, ring(3, 5), 3, 4); // {3,4} wins by heuristics
        assertThat(describe(second)).containsExactly("1:NACK", "2:NACK");

        // the replies to the first NACKs cross the newer lists; their seq still matches
        h.voteInfoReply(3, first.voteInfos().get(0).seq());
        h.voteInfoReply(4, first.voteInfos().get(1).seq());
        h.voteInfoReply(1, second.voteInfos().get(0).seq());
        Outcome released = h.voteInfoReply(2, second.voteInfos().get(1).seq());

        assertThat(describe(released)).containsExactly("3:ACK", "4:ACK");
    }
}
