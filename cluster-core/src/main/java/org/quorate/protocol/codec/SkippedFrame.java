package org.quorate.protocol.codec;

import org.quorate.protocol.MessageType;
import org.quorate.protocol.ReplyErrorCode;

/**
 * Emitted by {@link QnetFrameDecoder} (report policy) once the body of a frame it would not
 * deliver has been discarded. The server answers it with SERVER_ERROR {@link #serverErrorCode()}
 * and no seq number, keeps the connection, and does not count it as peer activity.
 *
 * @param typeCode       the type field as received (u16)
 * @param declaredLength the length field as received (u32)
 */
public record SkippedFrame(int typeCode, long declaredLength, SkipReason reason) {

    /** The type, or null when the code is outside 0..17. */
    public MessageType type() {
        return MessageType.fromCode(typeCode);
    }

    /**
     * The code the C server sends back: the reason's code, except that an unknown type with an
     * empty body completes before the C reader records the reason, so it answers NO_ERROR (0)
     * (spec §1.6 "Quirk", §15 Q3).
     */
    public ReplyErrorCode serverErrorCode() {
        if (reason == SkipReason.UNSUPPORTED_MESSAGE && declaredLength == 0) {
            return ReplyErrorCode.NO_ERROR;
        }
        return reason.replyErrorCode();
    }
}
