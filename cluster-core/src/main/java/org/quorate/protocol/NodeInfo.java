package org.quorate.protocol;

import org.quorate.cluster.NodeIds;
import org.quorate.cluster.NodeState;

/**
 * One entry of a node list (TLV NODE_INFO). {@code dataCenterId} 0 means "not set" and is not
 * encoded; {@code state} is {@link NodeState#NOT_SET} except in QUORUM lists.
 */
public record NodeInfo(long nodeId, long dataCenterId, NodeState state) {
    public NodeInfo {
        NodeIds.check(nodeId);
        if (nodeId == 0) {
            throw new IllegalArgumentException("node id 0 is not a valid node");
        }
        NodeIds.check(dataCenterId);
        if (state == null) {
            state = NodeState.NOT_SET;
        }
    }

    public static NodeInfo of(long nodeId) {
        return new NodeInfo(nodeId, 0, NodeState.NOT_SET);
    }

    public static NodeInfo of(long nodeId, NodeState state) {
        return new NodeInfo(nodeId, 0, state);
    }
}
