package org.quorate.protocol.message;

import org.quorate.cluster.RingId;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.Vote;

/** VOTE_INFO (14), server to client, unsolicited: a new vote; the client acknowledges its seq. */
public record VoteInfo(Long seq, Vote vote, RingId ringId) implements QnetMessage {
    public VoteInfo {
        Unsigned.u32(seq, "seq");
        Votes.checkWire(vote);
    }

    @Override
    public MessageType type() {
        return MessageType.VOTE_INFO;
    }
}
