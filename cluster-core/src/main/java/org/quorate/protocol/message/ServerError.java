package org.quorate.protocol.message;

import org.quorate.protocol.MessageType;
import org.quorate.protocol.ReplyErrorCode;

/**
 * SERVER_ERROR (5), server to client: a rejected request. {@code seq} echoes the offending
 * request's number when the server knew it; {@code replyErrorCode} is the raw u16.
 */
public record ServerError(Long seq, Integer replyErrorCode) implements QnetMessage {
    public ServerError {
        Unsigned.u32(seq, "seq");
        Unsigned.u16(replyErrorCode, "replyErrorCode");
    }

    @Override
    public MessageType type() {
        return MessageType.SERVER_ERROR;
    }

    /** The known error code, or null when absent or unknown. */
    public ReplyErrorCode errorCode() {
        return replyErrorCode == null ? null : ReplyErrorCode.fromCode(replyErrorCode);
    }
}
