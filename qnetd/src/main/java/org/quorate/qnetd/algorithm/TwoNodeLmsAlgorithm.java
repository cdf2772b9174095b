package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.OptionalLong;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.Vote;

/**
 * 2nodelms, two-node last man standing (spec §7.4): both nodes together get ACK; a lone connected
 * node gets ACK; two connected nodes that cannot see each other are split by heuristics, then by
 * the tie-breaker. Votes travel only in replies, never as VOTE_INFO.
 */
final class TwoNodeLmsAlgorithm implements QnetdAlgorithm {
    @Override
    public DecisionAlgorithm type() {
        return DecisionAlgorithm.TWO_NODE_LMS;
    }


    @Override
    public Outcome configNodeListReceived(ClusterState cluster, ClientState client, long seq,
                                          OptionalLong configVersion, List<NodeInfo> nodes, boolean initial) {
        if (nodes.size() != 2) {
            return Outcome.error(ReplyErrorCode.UNSUPPORTED_DECISION_ALGORITHM); // the client then exits
        }
        return Outcome.reply(Vote.NO_CHANGE);
    }

    @Override
    public Outcome membershipNodeListReceived(ClusterState cluster, ClientState client, long seq, RingId ringId,
                                              List<NodeInfo> nodes, HeuristicsResult heuristics) {
        if (client.lastResult() == null && LmsRules.anotherRingHoldsVote(cluster, ringId)) {
            return Outcome.reply(Vote.NACK); // newcomer: keep "never voted" so the check stays armed
        }
        if (nodes.size() == 2) {
            return Outcome.reply(client.lastResult(Vote.ACK));
        }
        List<ClientState> clients = cluster.clients();
        if (clients.size() == 1) {
            return Outcome.reply(client.lastResult(Vote.ACK)); // the last man standing
        }
        HeuristicsResult other = HeuristicsResult.UNDEFINED;
        for (ClientState o : clients) {
            if (o != client) {
                other = o.lastHeuristics();
            }
        }
        int byHeuristics = Integer.compare(heuristics.score(), other.score());
        if (byHeuristics != 0) {
            return Outcome.reply(client.lastResult(byHeuristics > 0 ? Vote.ACK : Vote.NACK));
        }
        long preferred = switch (client.tieBreaker().mode()) {
            case LOWEST -> clients.stream().mapToLong(ClientState::nodeId).min().orElseThrow();
            case HIGHEST -> clients.stream().mapToLong(ClientState::nodeId).max().orElseThrow();
            case NODE_ID -> client.tieBreaker().nodeId();
        };
        return Outcome.reply(client.lastResult(client.nodeId() == preferred ? Vote.ACK : Vote.NACK));
    }

    @Override
    public Outcome quorumNodeListReceived(ClusterState cluster, ClientState client, long seq, boolean quorate,
                                          List<NodeInfo> nodes) {
        return Outcome.reply(Vote.NO_CHANGE);
    }

    @Override
    public Outcome askForVoteReceived(ClusterState cluster, ClientState client, long seq) {
        return Outcome.reply(client.lastResult() == null ? Vote.ASK_LATER : client.lastResult());
    }


    @Override
    public Outcome heuristicsChangeReceived(ClusterState cluster, ClientState client, long seq,
                                            HeuristicsResult heuristics) {
        return Outcome.reply(Vote.NO_CHANGE); // not supported; the stored value still counts later
    }


}
