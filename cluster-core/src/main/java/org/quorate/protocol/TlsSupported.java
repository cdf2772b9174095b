package org.quorate.protocol;

/** A side's TLS mode, TLV TLS_SUPPORTED (spec §2). */
public enum TlsSupported implements WireCode {
    UNSUPPORTED(0, "Unsupported"),
    SUPPORTED(1, "Supported"),
    REQUIRED(2, "Required");

    private final int code;
    private final String displayName;

    TlsSupported(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @Override
    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static TlsSupported fromCode(int code) {
        return WireCode.lookup(TlsSupported.class, code);
    }
}
