package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;

/** SET_OPTION_REPLY (7), server to client: each option the request carried, with the value now in force. */
public record SetOptionReply(Long seq, Long heartbeatInterval, Boolean keepActivePartitionTieBreaker)
        implements QnetMessage {
    public SetOptionReply {
        Unsigned.u32(seq, "seq");
        Unsigned.u32(heartbeatInterval, "heartbeatInterval");
    }

    @Override
    public MessageType type() {
        return MessageType.SET_OPTION_REPLY;
    }
}
