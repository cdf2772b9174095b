package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;

/** SET_OPTION (6), client to server: change the heartbeat and/or the KAP tie-breaker flag. */
public record SetOption(Long seq, Long heartbeatInterval, Boolean keepActivePartitionTieBreaker)
        implements QnetMessage {
    public SetOption {
        Unsigned.u32(seq, "seq");
        Unsigned.u32(heartbeatInterval, "heartbeatInterval");
    }

    @Override
    public MessageType type() {
        return MessageType.SET_OPTION;
    }
}
