package org.quorate.votequorum.message;

import org.quorate.cluster.NodeIds;

/**
 * NODEINFO: what a node believes about itself (or, with node id 0, about the quorum device's votes).
 *
 * @param flags node flags, {@link org.quorate.votequorum.NodeFlag}
 */
public record NodeInfoMessage(long nodeId, long votes, long expectedVotes, int flags) implements VqMessage {
    public NodeInfoMessage {
        NodeIds.check(nodeId);
        Wire.checkU32("votes", votes);
        Wire.checkU32("expected_votes", expectedVotes);
    }

    @Override
    public MessageType type() {
        return MessageType.NODEINFO;
    }
}
