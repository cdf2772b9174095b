package org.quorate.bench.client;

import java.util.List;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.NodeInfo;

/**
 * What corosync would tell a node's qdevice: the ring it is in and who is in it. A simulated two-node
 * cluster starts whole ({1, 2} in ring 1.8) and is later split 1:1, each node alone in its own ring.
 */
public record Membership(RingId ring, List<Long> members) {
    public static final long INITIAL_RING_SEQ = 8;
    public static final long SPLIT_RING_SEQ = 12;

    public Membership {
        members = List.copyOf(members);
    }

    public static Membership whole(List<Long> configured) {
        return new Membership(new RingId(configured.get(0), INITIAL_RING_SEQ), configured);
    }

    /** The node alone in a ring it leads, as after a network split. */
    public static Membership alone(long nodeId) {
        return new Membership(new RingId(nodeId, SPLIT_RING_SEQ), List.of(nodeId));
    }

    public List<NodeInfo> memberInfos() {
        return members.stream().map(NodeInfo::of).toList();
    }

    /** QUORUM lists carry each member's votequorum state. */
    public List<NodeInfo> quorumInfos() {
        return members.stream().map(id -> NodeInfo.of(id, NodeState.MEMBER)).toList();
    }

    /** Without the qdevice vote a lone node of a 2-node cluster is not quorate. */
    public boolean quorate(int configuredNodes) {
        return members.size() * 2 > configuredNodes;
    }
}
