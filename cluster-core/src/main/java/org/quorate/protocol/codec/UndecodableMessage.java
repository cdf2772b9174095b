package org.quorate.protocol.codec;

import org.quorate.protocol.MessageType;

/**
 * Emitted by {@link QnetFrameDecoder} (report policy) for a complete frame of a known type whose
 * body failed TLV decoding. The server answers SERVER_ERROR ERROR_DECODING_MSG with {@link #seq()}
 * (when known), keeps the connection, and counts it as peer activity (spec §1.6, §4.2).
 */
public record UndecodableMessage(MessageType type, QnetDecodeException error) {

    /** The seq number decoded before the error, or null. */
    public Long seq() {
        return error.seq();
    }
}
