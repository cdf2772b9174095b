package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.OptionalLong;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.Vote;

/**
 * One server-side decision algorithm (spec §7.1). Implementations are stateless singletons: all
 * state lives in {@link ClusterState} and {@link ClientState}. The callbacks see the client's
 * previously stored data plus the new message values as arguments and must not store the new
 * message data themselves; {@link ClusterArbiter} does that once the outcome is not an error.
 */
public interface QnetdAlgorithm {
    DecisionAlgorithm type();

    /** INIT accepted; {@code client} is already in {@code cluster}. Replies only with an error or nothing. */
    default Outcome clientInit(ClusterState cluster, ClientState client) {
        return Outcome.NOTHING;
    }

    /** Configuration lists do not change any built-in algorithm's vote unless it says otherwise. */
    default Outcome configNodeListReceived(ClusterState cluster, ClientState client, long seq,
                                           OptionalLong configVersion, List<NodeInfo> nodes, boolean initial) {
        return Outcome.reply(Vote.NO_CHANGE);
    }

    Outcome membershipNodeListReceived(ClusterState cluster, ClientState client, long seq, RingId ringId,
                                       List<NodeInfo> nodes, HeuristicsResult heuristics);

    Outcome quorumNodeListReceived(ClusterState cluster, ClientState client, long seq, boolean quorate,
                                   List<NodeInfo> nodes);

    Outcome askForVoteReceived(ClusterState cluster, ClientState client, long seq);

    /** VOTE_INFO_REPLY; never carries a reply vote. */
    default Outcome voteInfoReplyReceived(ClusterState cluster, ClientState client, long seq) {
        return Outcome.NOTHING;
    }

    Outcome heuristicsChangeReceived(ClusterState cluster, ClientState client, long seq,
                                     HeuristicsResult heuristics);

    /** The client's connection ended; it is still in {@code cluster} during this call. */
    default Outcome clientDisconnected(ClusterState cluster, ClientState client, boolean serverGoingDown) {
        return Outcome.NOTHING;
    }

    /** The client's algorithm timer fired; a vote to send comes back as a VOTE_INFO. */
    default Outcome timerFired(ClusterState cluster, ClientState client) {
        return Outcome.NOTHING;
    }
}
