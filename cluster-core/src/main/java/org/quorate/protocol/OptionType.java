package org.quorate.protocol;

/** The 24 TLV option types (spec §1.5). Both C daemons advertise all of them as supported. */
public enum OptionType implements WireCode {
    MSG_SEQ_NUMBER(0, 4),
    CLUSTER_NAME(1, -1),
    TLS_SUPPORTED(2, 1),
    TLS_CLIENT_CERT_REQUIRED(3, 1),
    SUPPORTED_MESSAGES(4, -1),
    SUPPORTED_OPTIONS(5, -1),
    REPLY_ERROR_CODE(6, 2),
    SERVER_MAXIMUM_REQUEST_SIZE(7, 4),
    SERVER_MAXIMUM_REPLY_SIZE(8, 4),
    NODE_ID(9, 4),
    SUPPORTED_DECISION_ALGORITHMS(10, -1),
    DECISION_ALGORITHM(11, 2),
    HEARTBEAT_INTERVAL(12, 4),
    RING_ID(13, 12),
    CONFIG_VERSION(14, 8),
    DATA_CENTER_ID(15, 4),
    NODE_STATE(16, 1),
    NODE_INFO(17, -1),
    NODE_LIST_TYPE(18, 1),
    VOTE(19, 1),
    QUORATE(20, 1),
    TIE_BREAKER(21, 5),
    HEURISTICS(22, 1),
    KEEP_ACTIVE_PARTITION_TIE_BREAKER(23, 1);

    private static final OptionType[] BY_CODE = values();

    private final int code;
    private final int fixedLength;

    OptionType(int code, int fixedLength) {
        this.code = code;
        this.fixedLength = fixedLength;
    }

    @Override
    public int code() {
        return code;
    }

    /** The exact value length this option must have, or -1 when it is variable. */
    public int fixedLength() {
        return fixedLength;
    }

    /** The option for a wire code, or null for an unknown option (which decoders skip). */
    public static OptionType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
