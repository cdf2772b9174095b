package org.quorate.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cluster name as it travels in TLV CLUSTER_NAME: raw bytes without terminator or charset. The
 * C server compares names as bytes plus length, so equality here is byte equality too; the text
 * form (UTF-8) is only for logs, tools and certificate-name checks.
 */
public final class ClusterName {
    private final byte[] bytes;

    private ClusterName(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The UTF-8 encoding of {@code name}, which is what corosync puts on the wire. */
    public static ClusterName of(String name) {
        return new ClusterName(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A name from wire bytes; the array is copied. */
    public static ClusterName ofBytes(byte[] bytes) {
        return new ClusterName(bytes.clone());
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the raw bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The name decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterName other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return asString();
    }
}
