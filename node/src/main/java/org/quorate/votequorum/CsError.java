package org.quorate.votequorum;

/**
 * The corosync error codes votequorum's library calls answer with ({@code cs_error_t}); {@link #text()} is
 * what {@code cs_strerror} prints, which the tools append to their refusals.
 */
public enum CsError {
    OK(1),
    ERR_TRY_AGAIN(6),
    ERR_INVALID_PARAM(7),
    ERR_ACCESS(11),
    ERR_NOT_EXIST(12),
    ERR_EXIST(14),
    ERR_NAME_NOT_FOUND(17),
    ERR_NO_RESOURCES(18),
    ERR_MESSAGE_ERROR(22);

    private final int code;

    CsError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String text() {
        return "CS_" + name();
    }

    public boolean ok() {
        return this == OK;
    }
}
