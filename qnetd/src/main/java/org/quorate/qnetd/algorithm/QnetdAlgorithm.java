package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.OptionalLong;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.RingId;

/**
 * One server-side decision algorithm (spec §7.1). Implementations are stateless singletons: all
 * state lives in {@link ClusterState} and {@link ClientState}. The callbacks see the client's
 * previously stored data plus the new message values as arguments and must not store the new
 * message data themselves; {@link ClusterArbiter} does that once the outcome is not an error.
 */
public interface QnetdAlgorithm {
    DecisionAlgorithm type();

    /** INIT accepted; {@code client} is already in {@code cluster}. Replies only with an error or nothing. */
    Outcome clientInit(ClusterState cluster, ClientState client);

    Outcome configNodeListReceived(ClusterState cluster, ClientState client, long seq,
                                   OptionalLong configVersion, List<NodeInfo> nodes, boolean initial);

    Outcome membershipNodeListReceived(ClusterState cluster, ClientState client, long seq, RingId ringId,
                                       List<NodeInfo> nodes, HeuristicsResult heuristics);

    Outcome quorumNodeListReceived(ClusterState cluster, ClientState client, long seq, boolean quorate,
                                   List<NodeInfo> nodes);

    Outcome askForVoteReceived(ClusterState cluster, ClientState client, long seq);

    /** VOTE_INFO_REPLY; never carries a reply vote. */
    Outcome voteInfoReplyReceived(ClusterState cluster, ClientState client, long seq);

    Outcome heuristicsChangeReceived(ClusterState cluster, ClientState client, long seq,
                                     HeuristicsResult heuristics);

    /** The client's connection ended; it is still in {@code cluster} during this call. */
    Outcome clientDisconnected(ClusterState cluster, ClientState client, boolean serverGoingDown);

    /** The client's algorithm timer fired; a vote to send comes back as a VOTE_INFO. */
    Outcome timerFired(ClusterState cluster, ClientState client);
}
