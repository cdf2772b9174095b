package org.quorate.protocol;

/**
 * Error codes a server reports in INIT_REPLY or SERVER_ERROR (spec §2). The C decoder does not
 * range-check this option, so messages carry the raw number and map it here when it is known.
 */
public enum ReplyErrorCode implements WireCode {
    NO_ERROR(0),
    UNSUPPORTED_NEEDED_MESSAGE(1),
    UNSUPPORTED_NEEDED_OPTION(2),
    TLS_REQUIRED(3),
    UNSUPPORTED_MESSAGE(4),
    MESSAGE_TOO_LONG(5),
    PREINIT_REQUIRED(6),
    DOESNT_CONTAIN_REQUIRED_OPTION(7),
    UNEXPECTED_MESSAGE(8),
    ERROR_DECODING_MSG(9),
    INTERNAL_ERROR(10),
    INIT_REQUIRED(11),
    UNSUPPORTED_DECISION_ALGORITHM(12),
    INVALID_HEARTBEAT_INTERVAL(13),
    UNSUPPORTED_DECISION_ALGORITHM_MESSAGE(14),
    TIE_BREAKER_DIFFERS_FROM_OTHER_NODES(15),
    ALGORITHM_DIFFERS_FROM_OTHER_NODES(16),
    DUPLICATE_NODE_ID(17),
    INVALID_CONFIG_NODE_LIST(18),
    INVALID_MEMBERSHIP_NODE_LIST(19);

    private final int code;

    ReplyErrorCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The known error for a code, or null for a number this implementation does not know. */
    public static ReplyErrorCode fromCode(int code) {
        return WireCode.lookup(ReplyErrorCode.class, code);
    }
}
