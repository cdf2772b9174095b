package org.quorate.link.wire;

/** The packet types of Quorate's link protocol, with knet's type codes (spec §5.6). */
public enum PacketType {
    DATA(0x00),
    PING(0x81),
    PONG(0x82),
    PMTU_PROBE(0x83),
    PMTU_REPLY(0x84);

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
