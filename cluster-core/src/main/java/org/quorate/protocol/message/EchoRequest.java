package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;
import org.quorate.protocol.WireBytes;

/**
 * ECHO_REQUEST (8), client to server: the heartbeat. {@code body} is the raw TLV body exactly as
 * received (unknown TLVs included) because ECHO_REPLY must copy it byte for byte; when it is
 * non-null the encoder writes it verbatim and {@code seq} is only the number decoded from it.
 * Messages built locally leave {@code body} null and the encoder writes the seq TLV.
 */
public record EchoRequest(Long seq, WireBytes body) implements QnetMessage {
    public EchoRequest {
        Unsigned.u32(seq, "seq");
    }

    @Override
    public MessageType type() {
        return MessageType.ECHO_REQUEST;
    }
}
