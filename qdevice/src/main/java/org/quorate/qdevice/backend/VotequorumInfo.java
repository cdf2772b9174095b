package org.quorate.qdevice.backend;

import java.util.Set;
import org.quorate.cluster.NodeState;

/**
 * The answer of {@code votequorum_getinfo(nodeid)}: one node's votes and the cluster's quorum
 * arithmetic as that node sees it, plus its quorum-device registration.
 *
 * @param qdeviceName empty when no device is registered on that node
 */
public record VotequorumInfo(
        long nodeId,
        NodeState state,
        int votes,
        int expectedVotes,
        int highestExpected,
        int totalVotes,
        int quorum,
        Set<VotequorumFlag> flags,
        int qdeviceVotes,
        String qdeviceName) {

    public VotequorumInfo {
        flags = Set.copyOf(flags);
    }

    public boolean has(VotequorumFlag flag) {
        return flags.contains(flag);
    }
}
