package org.quorate.qnetd.algorithm;

import java.util.List;

import org.quorate.cluster.RingId;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;

/**
 * The inputs of one ffsplit decision (spec §7.3 {@code decide}): the cluster, the client whose
 * event triggered it (the "sender"), whether the sender is leaving, and the sender's values to use
 * in place of its stored ones (the new message values, not stored yet).
 */
record FfsplitRound(ClusterState cluster, ClientState sender, boolean senderLeaving, RingId senderRing,
                    List<NodeInfo> senderConfig, List<NodeInfo> senderMembership,
                    HeuristicsResult senderHeuristics) {

    /** True for the leaving sender, which the stability check, the walk and the votes skip. */
    boolean skips(ClientState client) {
        return senderLeaving && client == sender;
    }

    List<NodeInfo> configOf(ClientState client) {
        return client == sender ? senderConfig : client.configNodes();
    }

    List<NodeInfo> membershipOf(ClientState client) {
        return client == sender ? senderMembership : client.membershipNodes();
    }

    RingId ringOf(ClientState client) {
        return client == sender ? senderRing : client.ringId();
    }

    /** Heuristics of a partition candidate; members other than the candidate use stored values (E-03). */
    HeuristicsResult candidateHeuristicsOf(ClientState client) {
        return client == sender ? senderHeuristics : client.lastHeuristics();
    }
}
