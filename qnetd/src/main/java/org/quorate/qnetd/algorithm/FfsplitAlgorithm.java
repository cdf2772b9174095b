package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.Vote;

/**
 * ffsplit, the fifty-fifty split algorithm (spec §7.3): at most one partition holds the vote. Votes
 * are pushed as VOTE_INFO, NACKs first; the ACKs of a round go out only once every NACKed client
 * has acknowledged its NACK, so two partitions never hold the vote at the same time.
 */
final class FfsplitAlgorithm implements QnetdAlgorithm {
    @Override
    public DecisionAlgorithm type() {
        return DecisionAlgorithm.FFSPLIT;
    }


    @Override
    public Outcome configNodeListReceived(ClusterState cluster, ClientState client, long seq,
                                          OptionalLong configVersion, List<NodeInfo> nodes, boolean initial) {
        if (nodes.isEmpty() || !NodeLists.contains(nodes, client.nodeId())) {
            return Outcome.error(ReplyErrorCode.INVALID_CONFIG_NODE_LIST);
        }
        if (initial || client.membershipNodes().isEmpty()) {
            return Outcome.reply(Vote.ASK_LATER); // the membership list follows
        }
        return decide(new FfsplitRound(cluster, client, false, client.ringId(), nodes,
                client.membershipNodes(), client.lastHeuristics()));
    }

    @Override
    public Outcome membershipNodeListReceived(ClusterState cluster, ClientState client, long seq, RingId ringId,
                                              List<NodeInfo> nodes, HeuristicsResult heuristics) {
        if (nodes.isEmpty() || !NodeLists.contains(nodes, client.nodeId())) {
            return Outcome.error(ReplyErrorCode.INVALID_MEMBERSHIP_NODE_LIST);
        }
        if (client.configNodes().isEmpty()) {
            return Outcome.reply(Vote.ASK_LATER); // the config list follows
        }
        return decide(new FfsplitRound(cluster, client, false, ringId, client.configNodes(), nodes, heuristics));
    }

    @Override
    public Outcome quorumNodeListReceived(ClusterState cluster, ClientState client, long seq, boolean quorate,
                                          List<NodeInfo> nodes) {
        return Outcome.reply(Vote.NO_CHANGE); // informative only
    }

    @Override
    public Outcome askForVoteReceived(ClusterState cluster, ClientState client, long seq) {
        return Outcome.error(ReplyErrorCode.UNSUPPORTED_DECISION_ALGORITHM_MESSAGE);
    }

    @Override
    public Outcome heuristicsChangeReceived(ClusterState cluster, ClientState client, long seq,
                                            HeuristicsResult heuristics) {
        if (client.configNodes().isEmpty() || client.membershipNodes().isEmpty()) {
            return Outcome.reply(Vote.ASK_LATER);
        }
        return decide(new FfsplitRound(cluster, client, false, client.ringId(), client.configNodes(),
                client.membershipNodes(), heuristics));
    }

    @Override
    public Outcome clientDisconnected(ClusterState cluster, ClientState client, boolean serverGoingDown) {
        if (serverGoingDown) {
            return Outcome.NOTHING;
        }
        // Re-decide for the others: the leaver may have held (or blocked) the vote.
        Outcome decision = decide(new FfsplitRound(cluster, client, true, client.ringId(), client.configNodes(),
                client.membershipNodes(), client.lastHeuristics()));
        return new Outcome(ReplyErrorCode.NO_ERROR, null, decision.voteInfos(), decision.timerCommands());
    }

    @Override
    public Outcome voteInfoReplyReceived(ClusterState cluster, ClientState client, long seq) {
        if (seq != client.ffsplitVoteSeq()) {
            return Outcome.NOTHING; // reply to an older VOTE_INFO
        }
        if (cluster.ffsplitPhase() == FfsplitClusterPhase.SENDING_NACKS
                && client.ffsplitPhase() == FfsplitClientPhase.SENDING_ACK) {
            // Deliberate deviation from the C server: this client's ACK is still held back, so it
            // has nothing outstanding and the reply (matching seq) answers a VOTE_INFO of an earlier
            // round that crossed its newer node list. The C server takes it as the acknowledgement
            // of this round, drops the client from the ACK set, and the winning partition then
            // gets no ACK at all until the next change.
            return Outcome.NOTHING;
        }
        client.ffsplitPhase(FfsplitClientPhase.WAITING_FOR_CHANGE);
        Effects effects = new Effects();
        switch (cluster.ffsplitPhase()) {
            case SENDING_NACKS -> {
                if (!anyClientIn(cluster, FfsplitClientPhase.SENDING_NACK)) {
                    FfsplitRound round = new FfsplitRound(cluster, client, false, client.ringId(),
                            client.configNodes(), client.membershipNodes(), client.lastHeuristics());
                    sendAcks(round, effects);
                }
            }
            case SENDING_ACKS -> {
                if (!anyClientIn(cluster, FfsplitClientPhase.SENDING_ACK)) {
                    cluster.ffsplitPhase(FfsplitClusterPhase.WAITING_FOR_CHANGE);
                }
            }
            default -> {
                // no round in progress: nothing to release
            }
        }
        return effects.noReply();
    }


    private static Outcome decide(FfsplitRound round) {
        ClusterState cluster = round.cluster();
        cluster.ffsplitPhase(FfsplitClusterPhase.WAITING_FOR_STABLE_MEMBERSHIP);
        if (!FfsplitStability.isStable(round)) {
            return Outcome.reply(Vote.WAIT_FOR_REPLY);
        }
        Optional<List<NodeInfo>> winner = FfsplitPartitionChooser.choose(round);
        cluster.quoratePartition(winner.orElse(List.of()));
        for (ClientState client : cluster.clients()) {
            if (round.skips(client)) {
                client.ffsplitPhase(FfsplitClientPhase.WAITING_FOR_CHANGE);
            } else if (winner.isPresent() && NodeLists.contains(winner.get(), client.nodeId())) {
                client.ffsplitPhase(FfsplitClientPhase.SENDING_ACK);
            } else {
                client.ffsplitPhase(FfsplitClientPhase.SENDING_NACK);
            }
        }
        Effects effects = new Effects();
        cluster.ffsplitPhase(FfsplitClusterPhase.SENDING_NACKS);
        if (sendVotes(round, Vote.NACK, FfsplitClientPhase.SENDING_NACK, effects) == 0) {
            sendAcks(round, effects);
        }
        return effects.reply(Vote.NO_CHANGE);
    }

    private static void sendAcks(FfsplitRound round, Effects effects) {
        round.cluster().ffsplitPhase(FfsplitClusterPhase.SENDING_ACKS);
        if (sendVotes(round, Vote.ACK, FfsplitClientPhase.SENDING_ACK, effects) == 0) {
            round.cluster().ffsplitPhase(FfsplitClusterPhase.WAITING_FOR_CHANGE);
        }
    }

    private static int sendVotes(FfsplitRound round, Vote vote, FfsplitClientPhase phase, Effects effects) {
        int sent = 0;
        for (ClientState client : round.cluster().clients()) {
            if (round.skips(client) || client.ffsplitPhase() != phase) {
                continue;
            }
            effects.voteInfo(new VoteInfo(client, client.nextFfsplitVoteSeq(), vote, round.ringOf(client)));
            sent++;
        }
        return sent;
    }

    private static boolean anyClientIn(ClusterState cluster, FfsplitClientPhase phase) {
        return cluster.clients().stream().anyMatch(c -> c.ffsplitPhase() == phase);
    }
}
