package org.quorate.qdevice.admin;

import java.util.Objects;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.NodeState;

/**
 * One slot of votequorum's node array. Slots with node id 0 are unused: the status skips them
 * but keeps counting, so printed indexes can have gaps.
 */
public record VotequorumNode(long nodeId, NodeState state) {
    public VotequorumNode {
        NodeIds.check(nodeId);
        Objects.requireNonNull(state, "state");
    }
}
