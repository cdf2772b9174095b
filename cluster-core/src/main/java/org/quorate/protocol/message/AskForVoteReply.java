package org.quorate.protocol.message;

import org.quorate.cluster.RingId;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.Vote;

/** ASK_FOR_VOTE_REPLY (13), server to client. */
public record AskForVoteReply(Long seq, Vote vote, RingId ringId) implements QnetMessage {
    public AskForVoteReply {
        Unsigned.u32(seq, "seq");
        Votes.checkWire(vote);
    }

    @Override
    public MessageType type() {
        return MessageType.ASK_FOR_VOTE_REPLY;
    }
}
