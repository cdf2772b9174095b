package org.quorate.protocol.codec;

import org.quorate.protocol.ReplyErrorCode;

/** Why the frame reader discarded a frame's body instead of delivering it (spec §1.6). */
public enum SkipReason {
    /** The type is not one of 0..17. */
    UNSUPPORTED_MESSAGE(ReplyErrorCode.UNSUPPORTED_MESSAGE),
    /** Header + body exceed the receive limit. */
    MESSAGE_TOO_LONG(ReplyErrorCode.MESSAGE_TOO_LONG);

    private final ReplyErrorCode replyErrorCode;

    SkipReason(ReplyErrorCode replyErrorCode) {
        this.replyErrorCode = replyErrorCode;
    }

    /** The SERVER_ERROR code for this reason (see {@link SkippedFrame#serverErrorCode()} for the quirk). */
    public ReplyErrorCode replyErrorCode() {
        return replyErrorCode;
    }
}
