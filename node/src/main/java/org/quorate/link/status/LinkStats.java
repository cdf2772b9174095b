package org.quorate.link.status;

import org.quorate.link.wire.PacketType;

/** The mutable counters of one link, updated by the engine on its thread; {@link #snapshot()} for status. */
public final class LinkStats {
    public void sent(PacketType type, int bytes) {
        throw new UnsupportedOperationException("issue #11: stats not written yet");
    }

    public void received(PacketType type, int bytes) {
        throw new UnsupportedOperationException();
    }

    public void sendFailed() {
        throw new UnsupportedOperationException();
    }

    public LinkCounters snapshot() {
        throw new UnsupportedOperationException();
    }
}
