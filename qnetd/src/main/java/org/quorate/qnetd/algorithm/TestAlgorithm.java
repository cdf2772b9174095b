package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.OptionalLong;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.Vote;

/**
 * The "test" algorithm (spec §7.2): ACK to every membership list and vote request, so several
 * partitions can be quorate at once. Only for testing; the client refuses it unless enabled.
 */
final class TestAlgorithm implements QnetdAlgorithm {
    @Override
    public DecisionAlgorithm type() {
        return DecisionAlgorithm.TEST;
    }



    @Override
    public Outcome membershipNodeListReceived(ClusterState cluster, ClientState client, long seq, RingId ringId,
                                              List<NodeInfo> nodes, HeuristicsResult heuristics) {
        return Outcome.reply(Vote.ACK);
    }

    @Override
    public Outcome quorumNodeListReceived(ClusterState cluster, ClientState client, long seq, boolean quorate,
                                          List<NodeInfo> nodes) {
        return Outcome.reply(Vote.NO_CHANGE);
    }

    @Override
    public Outcome askForVoteReceived(ClusterState cluster, ClientState client, long seq) {
        return Outcome.reply(Vote.ACK);
    }


    @Override
    public Outcome heuristicsChangeReceived(ClusterState cluster, ClientState client, long seq,
                                            HeuristicsResult heuristics) {
        return Outcome.reply(Vote.NO_CHANGE);
    }


}
