package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;
import org.quorate.protocol.TlsSupported;

/**
 * PREINIT_REPLY (1), server to client: the server's TLS mode. {@code tlsClientCertRequired} is
 * the raw u8 because the C decoder does not range-check it (the server sends 0 or 1).
 */
public record PreinitReply(Long seq, TlsSupported tlsSupported, Integer tlsClientCertRequired)
        implements QnetMessage {
    public PreinitReply {
        Unsigned.u32(seq, "seq");
        Unsigned.u8(tlsClientCertRequired, "tlsClientCertRequired");
    }

    @Override
    public MessageType type() {
        return MessageType.PREINIT_REPLY;
    }

    /** True when the option is present and non-zero, which is how C reads a boolean. */
    public boolean clientCertRequired() {
        return tlsClientCertRequired != null && tlsClientCertRequired != 0;
    }
}
