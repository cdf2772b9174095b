package org.quorate.vqsim;

import java.util.List;

/**
 * One node's votequorum numbers after a step, as {@code show} prints them and as the differential test
 * compares them between the simulator and real corosync. For a node that is down only {@code nodeId},
 * {@code partition} and {@code up} mean anything; the numbers are 0 and the lists empty.
 *
 * @param nodeId the node
 * @param partition the partition the node is in (vqsim numbering, 0 first)
 * @param up whether the node runs
 * @param quorate votequorum's quorate state on that node
 * @param ring the ring id as the tools print it ({@code leader.seq} in hex), empty when down
 * @param members the node ids of that node's current membership
 * @param expected that node's expected votes
 * @param highestExpected the highest expected votes among its members
 * @param totalVotes the total votes it counts (the device's when its own device casts)
 * @param quorum the quorum it computes
 * @param flags votequorum's info flags (node-and-link spec §2.4: 1 TWONODE, 2 QUORATE, 4 WAIT_FOR_ALL,
 *     8 LAST_MAN_STANDING, 16 AUTO_TIE_BREAKER, 32 ALLOW_DOWNSCALE, 64 QDEVICE_REGISTERED, 128 ALIVE,
 *     256 CAST_VOTE, 512 MASTER_WINS)
 */
public record NodeSnapshot(
        long nodeId,
        int partition,
        boolean up,
        boolean quorate,
        String ring,
        List<Long> members,
        long expected,
        long highestExpected,
        long totalVotes,
        long quorum,
        int flags) {
    public NodeSnapshot {
        members = List.copyOf(members);
    }

    /** The numbers the differential test compares (not the ring id, whose sequence differs by design). */
    public String numbers() {
        return "expected=" + expected + " highest=" + highestExpected + " total=" + totalVotes
                + " quorum=" + quorum + " flags=" + flags + " quorate=" + quorate;
    }
}
