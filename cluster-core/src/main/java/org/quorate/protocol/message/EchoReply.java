package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;
import org.quorate.protocol.WireBytes;

/**
 * ECHO_REPLY (9), server to client: the request's bytes with the type changed. As for
 * {@link EchoRequest}, a non-null {@code body} is written verbatim.
 */
public record EchoReply(Long seq, WireBytes body) implements QnetMessage {
    public EchoReply {
        Unsigned.u32(seq, "seq");
    }

    @Override
    public MessageType type() {
        return MessageType.ECHO_REPLY;
    }
}
