package org.quorate.protocol.message;

import org.quorate.cluster.RingId;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.Vote;

/** NODE_LIST_REPLY (11), server to client: the vote after a node list, with the stored ring id. */
public record NodeListReply(Long seq, NodeListType nodeListType, RingId ringId, Vote vote)
        implements QnetMessage {
    public NodeListReply {
        Unsigned.u32(seq, "seq");
        Votes.checkWire(vote);
    }

    @Override
    public MessageType type() {
        return MessageType.NODE_LIST_REPLY;
    }
}
