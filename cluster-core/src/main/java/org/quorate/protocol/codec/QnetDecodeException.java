package org.quorate.protocol.codec;

import io.netty.handler.codec.DecoderException;
import java.util.OptionalLong;
import org.quorate.protocol.OptionType;

/**
 * Input that is not a valid QNet message. A server answers {@link Reason#isBodyError() body
 * errors} with SERVER_ERROR ERROR_DECODING_MSG (9) carrying {@link #seq()} when it is known (the C
 * decoder is single-pass, so a seq TLV that came before the bad one is still known, spec §1.3
 * rule 7). It extends Netty's DecoderException so that a pipeline passes it through unwrapped.
 */
public final class QnetDecodeException extends DecoderException {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Reason {
        /** Body of 0 bytes: the C decoder insists on at least one TLV header. */
        EMPTY_BODY,
        /** 1–3 bytes where a 4-byte TLV header should start (short body or trailing bytes). */
        TRUNCATED_TLV_HEADER,
        /** A TLV's declared length runs past the end of the body (or of a NODE_INFO value). */
        TLV_OVERRUNS_BODY,
        /** A fixed-size option whose length is not its size (e.g. a 3-byte seq). */
        WRONG_VALUE_LENGTH,
        /** A u16 array option with an odd byte length. */
        ODD_ARRAY_LENGTH,
        /** An enumerated option outside the range the C decoder accepts (spec §1.5). */
        VALUE_OUT_OF_RANGE,
        /** A NODE_INFO without a NODE_ID or with node id 0. */
        NODE_INFO_WITHOUT_NODE_ID,
        /** Frame level, client policy only: a message type outside 0..17. */
        UNSUPPORTED_MESSAGE_TYPE,
        /** Frame level, client policy only: header + body larger than the receive limit. */
        MESSAGE_TOO_LONG;

        /** True for errors found while decoding a complete body (server: ERROR_DECODING_MSG). */
        public boolean isBodyError() {
            return this != UNSUPPORTED_MESSAGE_TYPE && this != MESSAGE_TOO_LONG;
        }
    }

    private final Reason reason;
    private final Long seq;
    private final Integer optionCode;

    public QnetDecodeException(Reason reason, Long seq, Integer optionCode, String detail) {
        super(describe(reason, optionCode, detail));
        this.reason = reason;
        this.seq = seq;
        this.optionCode = optionCode;
    }

    public Reason reason() {
        return reason;
    }

    /** The MSG_SEQ_NUMBER decoded before the error, or null when none was. */
    public Long seq() {
        return seq;
    }

    public OptionalLong seqNumber() {
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    /** The TLV type code being decoded when the error was found, or null. */
    public Integer optionCode() {
        return optionCode;
    }

    private static String describe(Reason reason, Integer optionCode, String detail) {
        StringBuilder b = new StringBuilder(reason.name());
        if (optionCode != null) {
            OptionType option = OptionType.fromCode(optionCode);
            b.append(" in option ").append(option != null ? option.name() : "#" + optionCode);
        }
        if (detail != null && !detail.isEmpty()) {
            b.append(": ").append(detail);
        }
        return b.toString();
    }
}
