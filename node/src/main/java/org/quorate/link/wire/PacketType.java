package org.quorate.link.wire;

/** The packet types of Quorate's link protocol, with knet's type codes (spec §5.6). */
public enum PacketType {
    DATA(0x00, WireFormat.DATA_BODY_HEADER),
    PING(0x81, WireFormat.PING_BODY),
    PONG(0x82, WireFormat.PING_BODY),
    PMTU_PROBE(0x83, WireFormat.PMTU_BODY),
    PMTU_REPLY(0x84, WireFormat.PMTU_BODY);

    private static final PacketType[] BY_CODE = new PacketType[256];

    static {
        for (PacketType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int bodyHeader;

    PacketType(int code, int bodyHeader) {
        this.code = code;
        this.bodyHeader = bodyHeader;
    }

    public int code() {
        return code;
    }

    /** Fixed body bytes of this type before any variable part (a data chunk, a probe's filler). */
    public int bodyHeader() {
        return bodyHeader;
    }

    /** The type with wire code {@code code} (0..255), or null. */
    public static PacketType ofCode(int code) {
        return code < 0 || code > 255 ? null : BY_CODE[code];
    }
}
