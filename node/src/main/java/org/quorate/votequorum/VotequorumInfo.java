package org.quorate.votequorum;

import org.quorate.cluster.NodeState;

/**
 * {@code votequorum_getinfo(nodeid)} (node-and-link spec §2.4).
 *
 * @param totalVotes member votes, plus the device's when <em>that</em> node's device casts its vote
 * @param flags {@link InfoFlag} bits
 */
public record VotequorumInfo(
        long nodeId,
        NodeState state,
        long votes,
        long expectedVotes,
        long highestExpected,
        long totalVotes,
        long quorum,
        int flags,
        long qdeviceVotes,
        String qdeviceName) {

    public boolean has(InfoFlag flag) {
        return flag.in(flags);
    }
}
