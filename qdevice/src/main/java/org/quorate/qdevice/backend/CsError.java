package org.quorate.qdevice.backend;

/**
 * The result codes of corosync's client libraries ({@code cs_error_t} in corotypes.h). The seam
 * speaks this vocabulary because the votequorum device API defines its failures with it (a stale
 * ring id is {@link #MESSAGE_ERROR}, a foreign registration {@link #EXIST}, ...), and the
 * in-memory backend reports the same codes as the real one.
 */
public enum CsError {
    OK(1),
    LIBRARY(2),
    VERSION(3),
    INIT(4),
    TIMEOUT(5),
    TRY_AGAIN(6),
    INVALID_PARAM(7),
    NO_MEMORY(8),
    BAD_HANDLE(9),
    BUSY(10),
    ACCESS(11),
    NOT_EXIST(12),
    NAME_TOO_LONG(13),
    EXIST(14),
    NO_SPACE(15),
    INTERRUPT(16),
    NAME_NOT_FOUND(17),
    NO_RESOURCES(18),
    NOT_SUPPORTED(19),
    BAD_OPERATION(20),
    FAILED_OPERATION(21),
    MESSAGE_ERROR(22),
    QUEUE_FULL(23),
    QUEUE_NOT_AVAILABLE(24),
    BAD_FLAGS(25),
    TOO_BIG(26),
    NO_SECTIONS(27),
    CONTEXT_NOT_FOUND(28),
    TOO_MANY_GROUPS(30),
    SECURITY(100),
    /** Not a corosync code: the library returned a number this enum does not know. */
    UNKNOWN(-1);

    private final int code;

    CsError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The C name, e.g. {@code CS_ERR_TRY_AGAIN}, so log lines can be grepped against corosync's. */
    public String cName() {
        return this == OK ? "CS_OK" : "CS_ERR_" + name();
    }

    public static CsError fromCode(int code) {
        for (CsError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return UNKNOWN;
    }

    /**
     * True when the failure means the connection to corosync is gone for good (corosync exited or
     * the handle is dead), as opposed to a rejected request.
     */
    public boolean isConnectionLost() {
        return this == LIBRARY || this == BAD_HANDLE;
    }
}
