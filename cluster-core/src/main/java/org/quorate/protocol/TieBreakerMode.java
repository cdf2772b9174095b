package org.quorate.protocol;

/** How a tie is broken (spec §2). Code 0 is invalid. */
public enum TieBreakerMode implements WireCode {
    LOWEST(1),
    HIGHEST(2),
    NODE_ID(3);

    private final int code;

    TieBreakerMode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static TieBreakerMode fromCode(int code) {
        return WireCode.lookup(TieBreakerMode.class, code);
    }
}
