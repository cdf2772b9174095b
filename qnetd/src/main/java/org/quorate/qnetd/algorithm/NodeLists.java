package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.OptionalLong;

import org.quorate.protocol.NodeInfo;

/** Small queries on node lists; node lists may carry duplicate ids, which these treat as one. */
final class NodeLists {
    private NodeLists() {
    }

    static boolean contains(List<NodeInfo> nodes, long nodeId) {
        for (NodeInfo node : nodes) {
            if (node.nodeId() == nodeId) {
                return true;
            }
        }
        return false;
    }

    /** True when every id of {@code subset} also occurs in {@code superset}. */
    static boolean containsAllIds(List<NodeInfo> superset, List<NodeInfo> subset) {
        for (NodeInfo node : subset) {
            if (!contains(superset, node.nodeId())) {
                return false;
            }
        }
        return true;
    }

    static OptionalLong lowestId(List<NodeInfo> nodes) {
        return nodes.stream().mapToLong(NodeInfo::nodeId).min();
    }

    static OptionalLong highestId(List<NodeInfo> nodes) {
        return nodes.stream().mapToLong(NodeInfo::nodeId).max();
    }
}
