package org.quorate.link.status;

/** knet's per-link counters (spec §5.9), as a snapshot. */
public record LinkCounters(long txDataPackets, long txDataBytes, long rxDataPackets, long rxDataBytes,
                           long txPingPackets, long txPingBytes, long rxPingPackets, long rxPingBytes,
                           long txPongPackets, long txPongBytes, long rxPongPackets, long rxPongBytes,
                           long txPmtuPackets, long txPmtuBytes, long rxPmtuPackets, long rxPmtuBytes,
                           long txErrors) {
    public static final LinkCounters ZERO = new LinkCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long txTotalPackets() {
        return txDataPackets + txPingPackets + txPongPackets + txPmtuPackets;
    }

    public long txTotalBytes() {
        return txDataBytes + txPingBytes + txPongBytes + txPmtuBytes;
    }

    public long rxTotalPackets() {
        return rxDataPackets + rxPingPackets + rxPongPackets + rxPmtuPackets;
    }

    public long rxTotalBytes() {
        return rxDataBytes + rxPingBytes + rxPongBytes + rxPmtuBytes;
    }
}
