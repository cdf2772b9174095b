package org.quorate.link.pmtud;

/**
 * Datagram packetization-layer PMTU discovery (RFC 8899 style) for one link: it starts at a safe floor and
 * probes upward. Sizes are UDP payload bytes. An MTU change never marks the link down.
 */
public final class PmtuDiscovery {
    /**
     * @param ceiling the largest UDP payload worth probing (from the local interface's MTU), at least the floor
     */
    public PmtuDiscovery(PmtuSettings settings, boolean ipv6, int ceiling, long nowNanos) {
        throw new UnsupportedOperationException("issue #11: pmtud not written yet");
    }

    public void onTick(long nowNanos, PmtuOutbox out) {
        throw new UnsupportedOperationException();
    }

    public void onReply(long nowNanos, int probeId, int size, PmtuOutbox out) {
        throw new UnsupportedOperationException();
    }

    /** The kernel refused a send of {@code size} bytes with EMSGSIZE. */
    public void onTooBig(long nowNanos, int size, PmtuOutbox out) {
        throw new UnsupportedOperationException();
    }

    /** Starts again from the floor's search (a host joined, the link came up). */
    public void restart(long nowNanos, String reason, PmtuOutbox out) {
        throw new UnsupportedOperationException();
    }

    /** The largest validated UDP payload; never below the floor. */
    public int mtu() {
        throw new UnsupportedOperationException();
    }

    /** The smallest size every path is assumed to carry: 576 - 28 for IPv4, 1280 - 48 for IPv6. */
    public static int floor(boolean ipv6) {
        return ipv6 ? 1280 - 48 : 576 - 28;
    }
}
