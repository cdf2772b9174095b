package org.quorate.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string, used where the protocol needs bytes kept exactly as received (the
 * ECHO_REQUEST body that ECHO_REPLY must copy, unknown TLVs included).
 */
public final class WireBytes {
    public static final WireBytes EMPTY = new WireBytes(new byte[0]);

    private final byte[] bytes;

    private WireBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of {@code bytes}. */
    public static WireBytes of(byte[] bytes) {
        return new WireBytes(bytes.clone());
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Lower-case hex, as in the captured test vectors. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The byte at {@code index} as an unsigned value. */
    public int getUnsigned(int index) {
        return bytes[index] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
