package org.quorate.link.wire;

/** The payload of one link-layer datagram, after the header; one value type per packet type. */
public sealed interface LinkPacket permits LinkPacket.DataFragment, LinkPacket.Ping, LinkPacket.Pong,
        LinkPacket.PmtuProbe, LinkPacket.PmtuReply {
    PacketType type();

    /**
     * Fragment {@code index} (0-based) of {@code count} of message {@code messageSeq}; an unfragmented message
     * is fragment 0 of 1. Message sequence numbers count per sender incarnation and destination.
     */
    record DataFragment(long messageSeq, int index, int count, byte[] chunk) implements LinkPacket {
        @Override
        public PacketType type() {
            return PacketType.DATA;
        }
    }

    /** A heartbeat; {@code probe} marks an extra ping sent because a pong is overdue. */
    record Ping(long timestampNanos, int sequence, boolean probe) implements LinkPacket {
        @Override
        public PacketType type() {
            return PacketType.PING;
        }
    }

    /** The answer to a {@link Ping}, echoing its timestamp and sequence on the link it came on. */
    record Pong(long echoedTimestampNanos, int sequence, boolean probe) implements LinkPacket {
        @Override
        public PacketType type() {
            return PacketType.PONG;
        }
    }

    /** A path-MTU probe: the datagram is padded so that its UDP payload is exactly {@code size} bytes. */
    record PmtuProbe(int probeId, int size) implements LinkPacket {
        @Override
        public PacketType type() {
            return PacketType.PMTU_PROBE;
        }
    }

    /** The answer to a {@link PmtuProbe}: small, echoing the id and the size received. */
    record PmtuReply(int probeId, int size) implements LinkPacket {
        @Override
        public PacketType type() {
            return PacketType.PMTU_REPLY;
        }
    }
}
