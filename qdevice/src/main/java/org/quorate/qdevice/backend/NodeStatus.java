package org.quorate.qdevice.backend;

import java.util.Objects;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.NodeState;

/** One entry of a quorum notification: a node id (0 = the local quorum device) and its state. */
public record NodeStatus(long nodeId, NodeState state) {
    public NodeStatus {
        NodeIds.check(nodeId);
        Objects.requireNonNull(state, "state");
    }
}
