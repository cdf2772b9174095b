package org.quorate.link.wire;

/**
 * Quorate's onwire format, version 1. All integers big-endian. The 24-byte header is authenticated as the AEAD's
 * associated data (so the link id, hosts, incarnation and counter cannot be changed in flight); the body is
 * sealed (encrypted with AES-GCM or ChaCha20-Poly1305, or in clear under HMAC-SHA-256) and followed by the
 * 16-byte tag. With crypto off there is no tag and the sealed flag is 0.
 *
 * <table>
 * <caption>Header</caption>
 * <tr><th>offset</th><th>size</th><th>field</th></tr>
 * <tr><td>0</td><td>1</td><td>version (1)</td></tr>
 * <tr><td>1</td><td>1</td><td>type: 0x00 DATA, 0x81 PING, 0x82 PONG, 0x83 PMTU_PROBE, 0x84 PMTU_REPLY (knet's codes)</td></tr>
 * <tr><td>2</td><td>1</td><td>flags: bit 0 sealed, bit 1 key slot; other bits 0</td></tr>
 * <tr><td>3</td><td>1</td><td>link id 0..7</td></tr>
 * <tr><td>4</td><td>2</td><td>source host id</td></tr>
 * <tr><td>6</td><td>2</td><td>destination host id</td></tr>
 * <tr><td>8</td><td>8</td><td>sender incarnation</td></tr>
 * <tr><td>16</td><td>8</td><td>packet counter: unique per sender incarnation and destination, from 0; the nonce's
 * variable part and the replay-window index (below 2^63)</td></tr>
 * </table>
 * <table>
 * <caption>Body, after the header (sealed)</caption>
 * <tr><th>type</th><th>fields</th><th>bytes</th></tr>
 * <tr><td>DATA</td><td>message seq u64, fragment index u8 (0-based), fragment count u8 (1..255), chunk (1 byte or
 * more)</td><td>10 + chunk</td></tr>
 * <tr><td>PING, PONG</td><td>timestamp u64 (sender's monotonic ns, echoed), sequence u32, probe u8 (0/1)</td><td>13</td></tr>
 * <tr><td>PMTU_PROBE</td><td>probe id u32, size u16, zero filler so the whole datagram is {@code size} bytes</td>
 * <td>size - 24 - tag</td></tr>
 * <tr><td>PMTU_REPLY</td><td>probe id u32, size u16 (the size received)</td><td>6</td></tr>
 * </table>
 */
public final class WireFormat {
    public static final int VERSION = 1;
    public static final int HEADER = 24;
    /** The largest datagram: the UDP length field's bound. */
    public static final int MAX_DATAGRAM = 65535;
    public static final int MAX_LINK_ID = 7;
    public static final int MAX_HOST_ID = 0xFFFF;

    public static final int OFF_VERSION = 0;
    public static final int OFF_TYPE = 1;
    public static final int OFF_FLAGS = 2;
    public static final int OFF_LINK = 3;
    public static final int OFF_SOURCE = 4;
    public static final int OFF_DESTINATION = 6;
    public static final int OFF_INCARNATION = 8;
    public static final int OFF_COUNTER = 16;

    public static final int FLAG_SEALED = 0x01;
    public static final int FLAG_KEY_SLOT = 0x02;
    public static final int FLAGS_KNOWN = FLAG_SEALED | FLAG_KEY_SLOT;

    public static final int DATA_BODY_HEADER = 10;
    public static final int PING_BODY = 13;
    public static final int PMTU_BODY = 6;
    public static final int MAX_FRAGMENTS = 255;

    private WireFormat() {
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void putU32(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    static void putU64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (56 - 8 * i));
        }
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static long u64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
