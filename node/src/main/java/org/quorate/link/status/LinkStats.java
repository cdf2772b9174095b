package org.quorate.link.status;

import org.quorate.link.wire.PacketType;

/**
 * The mutable counters of one link, updated by the engine on its thread; {@link #snapshot()} for status. Packets
 * are counted as knet counts them: data, ping, pong, and path-MTU packets (probes and replies together).
 * Bytes are whole datagrams as handed to or received from the socket.
 */
public final class LinkStats {
    private static final int DATA = 0;
    private static final int PING = 1;
    private static final int PONG = 2;
    private static final int PMTU = 3;

    private final long[] txPackets = new long[4];
    private final long[] txBytes = new long[4];
    private final long[] rxPackets = new long[4];
    private final long[] rxBytes = new long[4];
    private long txErrors;

    public void sent(PacketType type, int bytes) {
        int k = kind(type);
        txPackets[k]++;
        txBytes[k] += bytes;
    }

    public void received(PacketType type, int bytes) {
        int k = kind(type);
        rxPackets[k]++;
        rxBytes[k] += bytes;
    }

    public void sendFailed() {
        txErrors++;
    }

    /** Back to zero (the link was reconfigured). */
    public void reset() {
        java.util.Arrays.fill(txPackets, 0);
        java.util.Arrays.fill(txBytes, 0);
        java.util.Arrays.fill(rxPackets, 0);
        java.util.Arrays.fill(rxBytes, 0);
        txErrors = 0;
    }

    public LinkCounters snapshot() {
        return new LinkCounters(txPackets[DATA], txBytes[DATA], rxPackets[DATA], rxBytes[DATA],
                txPackets[PING], txBytes[PING], rxPackets[PING], rxBytes[PING],
                txPackets[PONG], txBytes[PONG], rxPackets[PONG], rxBytes[PONG],
                txPackets[PMTU], txBytes[PMTU], rxPackets[PMTU], rxBytes[PMTU],
                txErrors);
    }

    private static int kind(PacketType type) {
        return switch (type) {
            case DATA -> DATA;
            case PING -> PING;
            case PONG -> PONG;
            case PMTU_PROBE, PMTU_REPLY -> PMTU;
        };
    }
}
