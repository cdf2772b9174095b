package org.quorate.link.tool;

/**
 * The payload quorate-linkbench sends: a 21-byte header, then filler up to the chosen size.
 *
 * <pre>
 * 0  4  magic "QLB1"
 * 4  1  kind: 0 data, 1 ping (answer with a pong), 2 pong (the ping's seq and time echoed)
 * 5  8  seq: per (sender, destination), counted only for accepted sends, so seq + 1 is what was sent
 * 13 8  the sender's monotonic nanoseconds when sent (echoed in a pong, for the round trip)
 * </pre>
 */
record BenchMessage(Kind kind, long seq, long sentNanos) {
    static final int HEADER = 21;
    private static final int MAGIC = 0x514c4231; // "QLB1"

    enum Kind { DATA, PING, PONG }

    /** Writes this message into {@code buf} (of the wanted size, at least {@link #HEADER}). */
    byte[] writeTo(byte[] buf) {
        putInt(buf, 0, MAGIC);
        buf[4] = (byte) kind.ordinal();
        putLong(buf, 5, seq);
        putLong(buf, 13, sentNanos);
        return buf;
    }

    /** The message in {@code buf}, or null when it is not one of ours (wrong magic, kind or length). */
    static BenchMessage read(byte[] buf) {
        if (buf.length < HEADER || getInt(buf, 0) != MAGIC || buf[4] < 0 || buf[4] > 2) {
            return null;
        }
        return new BenchMessage(Kind.values()[buf[4]], getLong(buf, 5), getLong(buf, 13));
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (56 - 8 * i));
        }
    }

    private static int getInt(byte[] b, int at) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }

    private static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }
}
