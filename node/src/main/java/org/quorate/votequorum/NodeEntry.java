package org.quorate.votequorum;

import org.quorate.cluster.NodeState;

/** votequorum's entry for one node ({@code struct cluster_node}); mutable, owned by {@link NodeTable}. */
final class NodeEntry {
    final long nodeId;
    NodeState state;
    long votes;
    long expectedVotes;
    int flags;

    NodeEntry(long nodeId) {
        this.nodeId = nodeId;
        this.state = NodeState.NOT_SET;
    }

    boolean member() {
        return state == NodeState.MEMBER;
    }

    boolean has(NodeFlag flag) {
        return flag.in(flags);
    }

    void set(NodeFlag flag, boolean on) {
        flags = flag.set(flags, on);
    }
}
