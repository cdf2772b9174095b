package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;

/** STARTTLS (2), client to server: every byte after this message is TLS. There is no reply. */
public record StartTls(Long seq) implements QnetMessage {
    public StartTls {
        Unsigned.u32(seq, "seq");
    }

    @Override
    public MessageType type() {
        return MessageType.STARTTLS;
    }
}
