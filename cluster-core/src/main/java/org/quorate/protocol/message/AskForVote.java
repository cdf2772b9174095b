package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;

/** ASK_FOR_VOTE (12), client to server. The reference client never sends it. */
public record AskForVote(Long seq) implements QnetMessage {
    public AskForVote {
        Unsigned.u32(seq, "seq");
    }

    @Override
    public MessageType type() {
        return MessageType.ASK_FOR_VOTE;
    }
}
