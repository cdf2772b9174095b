package org.quorate.votequorum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Every node votequorum has heard of, in ascending node id (corosync keeps its list ordered so), the
 * local node included; the quorum device's pseudo node (id 0) is kept apart by {@link Votequorum}.
 */
final class NodeTable {
    private final TreeMap<Long, NodeEntry> nodes = new TreeMap<>();

    NodeEntry get(long nodeId) {
        return nodes.get(nodeId);
    }

    NodeEntry add(long nodeId) {
        NodeEntry e = new NodeEntry(nodeId);
        nodes.put(nodeId, e);
        return e;
    }

    Collection<NodeEntry> all() {
        return nodes.values();
    }

    List<NodeEntry> members() {
        List<NodeEntry> m = new ArrayList<>();
        for (NodeEntry e : nodes.values()) {
            if (e.member()) {
                m.add(e);
            }
        }
        return m;
    }

    long memberVotes() {
        long sum = 0;
        for (NodeEntry e : members()) {
            sum += e.votes;
        }
        return sum;
    }

    long highestExpected() {
        long h = 0;
        for (NodeEntry e : members()) {
            h = Math.max(h, e.expectedVotes);
        }
        return h;
    }

    boolean isMember(long nodeId) {
        NodeEntry e = nodes.get(nodeId);
        return e != null && e.member();
    }

    /** Sets every member's expected votes; 0 means "no change", as in {@code update_node_expected_votes}. */
    void setMembersExpected(long expected) {
        if (expected != 0) {
            for (NodeEntry e : members()) {
                e.expectedVotes = expected;
            }
        }
    }
}
