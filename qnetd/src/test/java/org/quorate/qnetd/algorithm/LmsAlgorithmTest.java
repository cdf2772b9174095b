package org.quorate.qnetd.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.qnetd.algorithm.ClusterHarness.ring;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;
import org.quorate.qnetd.algorithm.TimerCommand.Action;

class LmsAlgorithmTest {
    private static ClusterHarness harness(TieBreaker tb, long... ids) {
        ClusterHarness h = new ClusterHarness(DecisionAlgorithm.LMS, tb);
        for (long id : ids) {
            h.join(id);
            assertThat(h.config(id, true, ids).replyVote()).isEqualTo(Vote.NO_CHANGE);
        }
        return h;
    }

    @Test
    void item35DisagreeingRingsWaitAndTheTimerPushesTheVoteLater() {
        ClusterHarness h = harness(TieBreaker.LOWEST, 1, 2, 3);
        h.membership(1, ring(1, 1), 1, 2, 3);
        h.membership(2, ring(1, 1), 1, 2, 3);
        h.membership(3, ring(1, 1), 1, 2, 3);
        assertThat(h.quorum(1, true, 1, 2, 3).replyVote()).isEqualTo(Vote.ACK);

        // node 1 moves to a new ring; node 2, still in its membership, reports the old one
        Outcome waiting = h.membership(1, ring(1, 2), 1, 2);
        assertThat(waiting.replyVote()).isEqualTo(Vote.WAIT_FOR_REPLY);
        assertThat(waiting.timerCommands()).extracting(TimerCommand::action)
                .containsExactly(Action.CANCEL, Action.SCHEDULE);

        Outcome stillWaiting = h.timer(1);
        assertThat(stillWaiting.voteInfos()).isEmpty();
        assertThat(stillWaiting.timerCommands()).extracting(TimerCommand::action)
                .containsExactly(Action.CANCEL, Action.SCHEDULE);

        h.membership(2, ring(1, 2), 1, 2);
        h.membership(3, ring(3, 2), 3);
        Outcome resolved = h.timer(1);
        assertThat(resolved.voteInfos()).hasSize(1);
        VoteInfo vi = resolved.voteInfos().get(0);
        assertThat(vi.vote()).isEqualTo(Vote.ACK); // 2 nodes beat 1
        assertThat(vi.seq()).isEqualTo(1);
        assertThat(vi.ringId()).isEqualTo(ring(1, 2));
        assertThat(resolved.timerCommands()).extracting(TimerCommand::action).containsExactly(Action.CANCEL);
        assertThat(h.client(1).voteStatusText()).isEqualTo("ACK (ACK)");
        assertThat(h.timer(1).voteInfos().get(0).seq()).isEqualTo(2); // the timer counter goes on
    }

    @Test
    void firstOnTheBlockWaitsBecauseRingSeqZeroIsNoPartition() {
        ClusterHarness h = harness(TieBreaker.LOWEST, 1, 2);
        Outcome outcome = h.askForVote(1); // stored ring is the INIT ring 0.0
        assertThat(outcome.replyVote()).isEqualTo(Vote.WAIT_FOR_REPLY);
        assertThat(outcome.timerCommands()).extracting(TimerCommand::action).contains(Action.SCHEDULE);
    }

    @Test
    void singlePartitionGetsAck() {
        ClusterHarness h = harness(TieBreaker.LOWEST, 1, 2);
        h.membership(1, ring(1, 1), 1, 2);
        h.membership(2, ring(1, 1), 1, 2);
        assertThat(h.quorum(2, true, 1, 2).replyVote()).isEqualTo(Vote.ACK);
    }

    private static ClusterHarness splitTwoTwo(TieBreaker tb, HeuristicsResult h3) {
        ClusterHarness h = harness(tb, 1, 2, 3, 4);
        h.membership(1, ring(1, 3), 1, 2);
        h.membership(2, ring(1, 3), 1, 2);
        h.membership(3, ring(3, 3), h3, 3, 4);
        h.membership(4, ring(3, 3), 3, 4);
        return h;
    }

    @Test
    void bestScoreWins() {
        ClusterHarness h = splitTwoTwo(TieBreaker.LOWEST, HeuristicsResult.PASS);
        assertThat(h.askForVote(1).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.askForVote(3).replyVote()).isEqualTo(Vote.ACK);
        // 4 never voted (its first answer was a newcomer NACK) and 2 still holds ACK on another ring
        assertThat(h.askForVote(4).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.askForVote(2).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.askForVote(4).replyVote()).isEqualTo(Vote.ACK);
    }

    @Test
    void largestPartitionWinsOnEqualScore() {
        // {1,2,3} with one FAIL scores 2, {4,5} scores 2: the three-node partition is larger
        ClusterHarness h = harness(TieBreaker.HIGHEST, 1, 2, 3, 4, 5);
        h.membership(1, ring(1, 3), HeuristicsResult.FAIL, 1, 2, 3);
        h.membership(2, ring(1, 3), 1, 2, 3);
        h.membership(3, ring(1, 3), 1, 2, 3);
        h.membership(4, ring(4, 3), 4, 5);
        h.membership(5, ring(4, 3), 4, 5);
        assertThat(h.askForVote(2).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.askForVote(5).replyVote()).isEqualTo(Vote.NACK);
    }

    @Test
    void tieBreakerLowestAndHighest() {
        ClusterHarness lowest = splitTwoTwo(TieBreaker.LOWEST, HeuristicsResult.UNDEFINED);
        assertThat(lowest.askForVote(2).replyVote()).isEqualTo(Vote.ACK);
        assertThat(lowest.askForVote(4).replyVote()).isEqualTo(Vote.NACK);

        ClusterHarness highest = splitTwoTwo(TieBreaker.HIGHEST, HeuristicsResult.UNDEFINED);
        assertThat(highest.askForVote(2).replyVote()).isEqualTo(Vote.NACK);
        assertThat(highest.askForVote(3).replyVote()).isEqualTo(Vote.ACK);
    }

    @Test
    void quirkQ6NodeIdTieBreakerAcksOnlyTheNominatedNode() {
        ClusterHarness h = splitTwoTwo(TieBreaker.nodeId(3), HeuristicsResult.UNDEFINED);
        assertThat(h.askForVote(3).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.askForVote(4).replyVote()).isEqualTo(Vote.NACK); // same partition, still NACK
        assertThat(h.askForVote(1).replyVote()).isEqualTo(Vote.NACK);
    }

    @Test
    void errataE04LowestIgnoresIdsFromIntMaxUp() {
        long intMax = 2147483647L;
        ClusterHarness h = harness(TieBreaker.LOWEST, intMax, intMax + 1);
        h.membership(intMax, ring(intMax, 1), intMax);
        h.membership(intMax + 1, ring(intMax + 1, 1), intMax + 1);
        assertThat(h.askForVote(intMax).replyVote()).isEqualTo(Vote.ACK);
        assertThat(h.askForVote(intMax + 1).replyVote()).isEqualTo(Vote.NACK);

        ClusterHarness above = harness(TieBreaker.LOWEST, intMax + 1, intMax + 2);
        above.membership(intMax + 1, ring(intMax + 1, 1), intMax + 1);
        above.membership(intMax + 2, ring(intMax + 2, 1), intMax + 2);
        assertThat(above.askForVote(intMax + 1).replyVote()).isEqualTo(Vote.NACK);
        assertThat(above.askForVote(intMax + 2).replyVote()).isEqualTo(Vote.NACK);
    }

    @Test
    void newcomerGetsUnstoredNackWhileAnotherRingHoldsTheVote() {
        ClusterHarness h = harness(TieBreaker.LOWEST, 2, 3);
        h.membership(2, ring(2, 1), 2);
        assertThat(h.askForVote(2).replyVote()).isEqualTo(Vote.ACK); // the only partition it can see
        assertThat(h.membership(3, ring(3, 1), 3).replyVote()).isEqualTo(Vote.ACK); // 3's ring not stored yet
        // as implemented: two disjoint partitions hold ACK at once ("votequorum's problem")
        h.join(1);
        h.config(1, true, 1, 2, 3);
        assertThat(h.membership(1, ring(1, 1), 1).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.quorum(1, true, 1).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.client(1).lastResult()).isNull(); // never stored, so the rule stays armed
    }

    @Test
    void heuristicsChangeIsNotSupportedButFeedsLaterScores() {
        ClusterHarness h = splitTwoTwo(TieBreaker.LOWEST, HeuristicsResult.UNDEFINED);
        assertThat(h.heuristics(4, HeuristicsResult.PASS).replyVote()).isEqualTo(Vote.NO_CHANGE);
        assertThat(h.askForVote(1).replyVote()).isEqualTo(Vote.NACK); // {3,4} now scores 3 against 2
        assertThat(h.askForVote(2).replyVote()).isEqualTo(Vote.NACK);
        assertThat(h.askForVote(4).replyVote()).isEqualTo(Vote.ACK);
    }

    @Test
    void disconnectCancelsOnlyTheLeaversTimer() {
        ClusterHarness h = harness(TieBreaker.LOWEST, 1, 2);
        ClientState one = h.client(1);
        Outcome gone = h.disconnect(1);
        assertThat(gone.voteInfos()).isEmpty();
        assertThat(gone.timerCommands()).allSatisfy(t -> {
            assertThat(t.client()).isSameAs(one);
            assertThat(t.action()).isEqualTo(Action.CANCEL);
        });
    }
}
