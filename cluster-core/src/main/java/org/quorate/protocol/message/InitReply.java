package org.quorate.protocol.message;

import java.util.List;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.ReplyErrorCode;

/**
 * INIT_REPLY (4), server to client. {@code replyErrorCode} is the raw u16 (not range-checked by the
 * C decoder); the three lists hold raw u16 codes; the sizes are u32 byte counts.
 */
public record InitReply(Integer replyErrorCode, List<Integer> supportedMessages,
        List<Integer> supportedOptions, Long seq, Long serverMaximumRequestSize,
        Long serverMaximumReplySize, List<Integer> supportedDecisionAlgorithms) implements QnetMessage {
    public InitReply {
        Unsigned.u16(replyErrorCode, "replyErrorCode");
        supportedMessages = Unsigned.u16List(supportedMessages, "supportedMessages");
        supportedOptions = Unsigned.u16List(supportedOptions, "supportedOptions");
        Unsigned.u32(seq, "seq");
        Unsigned.u32(serverMaximumRequestSize, "serverMaximumRequestSize");
        Unsigned.u32(serverMaximumReplySize, "serverMaximumReplySize");
        supportedDecisionAlgorithms = Unsigned.u16List(supportedDecisionAlgorithms,
                "supportedDecisionAlgorithms");
    }

    @Override
    public MessageType type() {
        return MessageType.INIT_REPLY;
    }

    /** The known error code, or null when absent or a number this implementation does not know. */
    public ReplyErrorCode errorCode() {
        return replyErrorCode == null ? null : ReplyErrorCode.fromCode(replyErrorCode);
    }
}
