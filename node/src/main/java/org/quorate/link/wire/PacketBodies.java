package org.quorate.link.wire;

import static org.quorate.link.wire.WireFormat.*;

import java.util.Arrays;

/** Writes and reads the body of each packet type ({@link WireFormat}); no header, no crypto. */
final class PacketBodies {
    private PacketBodies() {
    }

    /** Body bytes of {@code packet}; a probe's are set by its size and the crypto, see the codec. */
    static int length(LinkPacket packet) {
        return switch (packet.type()) {
            case DATA -> DATA_BODY_HEADER + ((LinkPacket.DataFragment) packet).chunk().length;
            case PING, PONG -> PING_BODY;
            case PMTU_PROBE, PMTU_REPLY -> PMTU_BODY;
        };
    }

    static void write(LinkPacket packet, byte[] b, int off) {
        if (packet instanceof LinkPacket.DataFragment f) {
            if (f.count() < 1 || f.count() > MAX_FRAGMENTS || f.index() < 0 || f.index() >= f.count()) {
                throw new IllegalArgumentException("fragment " + f.index() + " of " + f.count() + " of message "
                        + f.messageSeq() + ": count must be 1.." + MAX_FRAGMENTS + " and index below it");
            }
            if (f.chunk().length == 0) {
                throw new IllegalArgumentException("fragment " + f.index() + " of message " + f.messageSeq()
                        + " is empty");
            }
            putU64(b, off, f.messageSeq());
            b[off + 8] = (byte) f.index();
            b[off + 9] = (byte) f.count();
            System.arraycopy(f.chunk(), 0, b, off + DATA_BODY_HEADER, f.chunk().length);
        } else if (packet instanceof LinkPacket.Ping p) {
            writePing(b, off, p.timestampNanos(), p.sequence(), p.probe());
        } else if (packet instanceof LinkPacket.Pong p) {
            writePing(b, off, p.echoedTimestampNanos(), p.sequence(), p.probe());
        } else if (packet instanceof LinkPacket.PmtuProbe p) {
            putU32(b, off, p.probeId());
            putU16(b, off + 4, p.size());
            // the filler stays zero: a fresh array
        } else if (packet instanceof LinkPacket.PmtuReply p) {
            if (p.size() < 0 || p.size() > MAX_DATAGRAM) {
                throw new IllegalArgumentException("PMTU reply size " + p.size() + ": 0.." + MAX_DATAGRAM);
            }
            putU32(b, off, p.probeId());
            putU16(b, off + 4, p.size());
        }
    }

    private static void writePing(byte[] b, int off, long timestamp, int sequence, boolean probe) {
        putU64(b, off, timestamp);
        putU32(b, off + 8, sequence);
        b[off + 12] = (byte) (probe ? 1 : 0);
    }

    /**
     * Why the body {@code b[off, off + len)} of an authenticated datagram of {@code datagramLength} bytes is not
     * a valid {@code type}, or null when it is. Lengths were checked against the type's fixed part already.
     */
    static DropReason check(PacketType type, byte[] b, int off, int len, int datagramLength) {
        return switch (type) {
            case DATA -> {
                int index = u8(b, off + 8);
                int count = u8(b, off + 9);
                yield count >= 1 && index < count && len > DATA_BODY_HEADER ? null : DropReason.BAD_FRAGMENT;
            }
            case PING, PONG -> u8(b, off + 12) <= 1 ? null : DropReason.MALFORMED;
            case PMTU_PROBE -> u16(b, off + 4) == datagramLength ? null : DropReason.MALFORMED;
            case PMTU_REPLY -> null;
        };
    }

    /** Reads a body that passed {@link #check}; allocates the value (and a data chunk's copy). */
    static LinkPacket read(PacketType type, byte[] b, int off, int len) {
        return switch (type) {
            case DATA -> new LinkPacket.DataFragment(u64(b, off), u8(b, off + 8), u8(b, off + 9),
                    Arrays.copyOfRange(b, off + DATA_BODY_HEADER, off + len));
            case PING -> new LinkPacket.Ping(u64(b, off), u32(b, off + 8), b[off + 12] == 1);
            case PONG -> new LinkPacket.Pong(u64(b, off), u32(b, off + 8), b[off + 12] == 1);
            case PMTU_PROBE -> new LinkPacket.PmtuProbe(u32(b, off), u16(b, off + 4));
            case PMTU_REPLY -> new LinkPacket.PmtuReply(u32(b, off), u16(b, off + 4));
        };
    }
}
