package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;

/** VOTE_INFO_REPLY (15), client to server: acknowledges the VOTE_INFO with the same seq. */
public record VoteInfoReply(Long seq) implements QnetMessage {
    public VoteInfoReply {
        Unsigned.u32(seq, "seq");
    }

    @Override
    public MessageType type() {
        return MessageType.VOTE_INFO_REPLY;
    }
}
