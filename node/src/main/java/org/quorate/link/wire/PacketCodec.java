package org.quorate.link.wire;

import org.quorate.link.crypto.CryptoConfig;
import org.quorate.link.crypto.KeyRing;

/**
 * Encodes and seals, opens and decodes, the link layer's datagrams for one local host. Holds the per-sender
 * replay windows and incarnations. Single-threaded; a bad datagram is only dropped and counted.
 */
public final class PacketCodec {
    /**
     * @param incarnation this process's incarnation id: different, and larger, on every start of the node
     */
    public PacketCodec(int localHost, long incarnation, CryptoConfig crypto) {
        throw new UnsupportedOperationException("issue #11: codec not written yet");
    }

    /** Encodes {@code packet} for {@code destinationHost} on {@code linkId}; the result is one datagram. */
    public byte[] encode(int destinationHost, int linkId, LinkPacket packet) {
        throw new UnsupportedOperationException();
    }

    /** Decodes one received datagram; never throws for any input. */
    public Decoded decode(byte[] datagram, int length) {
        throw new UnsupportedOperationException();
    }

    /** Bytes every datagram of {@code type} adds around its payload (header, data header, tag). */
    public int overhead(PacketType type) {
        throw new UnsupportedOperationException();
    }

    public KeyRing keys() {
        throw new UnsupportedOperationException();
    }

    public DropCounters drops() {
        throw new UnsupportedOperationException();
    }
}
