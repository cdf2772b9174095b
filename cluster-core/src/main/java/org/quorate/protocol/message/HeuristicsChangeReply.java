package org.quorate.protocol.message;

import org.quorate.cluster.RingId;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.Vote;

/** HEURISTICS_CHANGE_REPLY (17), server to client: the vote after the change, heuristics echoed. */
public record HeuristicsChangeReply(Long seq, Vote vote, RingId ringId, HeuristicsResult heuristics)
        implements QnetMessage {
    public HeuristicsChangeReply {
        Unsigned.u32(seq, "seq");
        Votes.checkWire(vote);
        Votes.checkWire(heuristics);
    }

    @Override
    public MessageType type() {
        return MessageType.HEURISTICS_CHANGE_REPLY;
    }
}
