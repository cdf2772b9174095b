package org.quorate.link.engine;

import org.quorate.link.heartbeat.LinkState;

/** What a {@link LinkPath}'s pure parts ask the engine to do: send, and react to what changed. */
interface PathEffects {
    void sendPing(LinkPath path, long timestampNanos, boolean probe);

    void sendProbe(LinkPath path, int size, int probeId);

    void linkStateChanged(LinkPath path, LinkState from, LinkState to, String reason);

    void trafficChanged(LinkPath path, boolean carriesTraffic, String reason);

    void mtuChanged(LinkPath path, int from, int to, String reason);
}
