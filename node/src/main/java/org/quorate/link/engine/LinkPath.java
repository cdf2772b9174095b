package org.quorate.link.engine;

import org.quorate.link.config.LinkSpec;
import org.quorate.link.heartbeat.HeartbeatOutbox;
import org.quorate.link.heartbeat.HeartbeatTuning;
import org.quorate.link.heartbeat.LinkHeartbeat;
import org.quorate.link.heartbeat.LinkState;
import org.quorate.link.pmtud.PmtuDiscovery;
import org.quorate.link.pmtud.PmtuOutbox;
import org.quorate.link.pmtud.PmtuSettings;
import org.quorate.link.pmtud.PmtuState;
import org.quorate.link.select.LinkCandidate;
import org.quorate.link.status.LinkStats;

/**
 * One link to one remote host: its configuration, the socket it leaves from, its heartbeat, its path-MTU
 * discovery and its counters. It is the outbox of both pure parts and forwards their effects to the engine.
 */
final class LinkPath implements HeartbeatOutbox, PmtuOutbox {
    final int hostId;
    final LinkSpec spec;
    final LinkHeartbeat heartbeat;
    final PmtuDiscovery pmtud;
    final LinkStats stats = new LinkStats();
    final EndpointRegistry.Socket socket;
    private final PathEffects effects;
    /** Why the link is down or carries no traffic, in words, for status ("" when it carries traffic). */
    private String downReason = "no pong yet";
    private String trafficReason = "";
    private String lastStateReason = "";
    private boolean wasConnected;
    /** The size of the last probe sent, for an EMSGSIZE that names no size. */
    int lastProbeSize;

    LinkPath(int hostId, LinkSpec spec, HeartbeatTuning heartbeatTuning, PmtuSettings pmtuSettings, int ceiling,
             EndpointRegistry.Socket socket, PathEffects effects, long nowNanos) {
        this.hostId = hostId;
        this.spec = spec;
        this.socket = socket;
        this.effects = effects;
        boolean v6 = InterfaceMtu.isIpv6(spec.remote());
        this.heartbeat = new LinkHeartbeat(spec, heartbeatTuning, nowNanos);
        this.pmtud = new PmtuDiscovery(pmtuSettings, v6, Math.max(ceiling, PmtuDiscovery.floor(v6)), nowNanos);
    }

    int linkId() {
        return spec.linkId();
    }

    boolean connected() {
        return heartbeat.connected();
    }

    /** knet's eligible: connected with a valid MTU (a path that does not carry even the floor has none). */
    boolean hasValidMtu() {
        return pmtud.state() != PmtuState.ERROR;
    }

    LinkCandidate candidate() {
        boolean connected = heartbeat.connected() && hasValidMtu();
        return new LinkCandidate(spec.linkId(), spec.priority(), connected, connected && heartbeat.carriesTraffic());
    }

    String notEligibleWhy() {
        if (!heartbeat.connected()) {
            return "down: " + downReason;
        }
        if (!hasValidMtu()) {
            return "no valid MTU: path-MTU discovery could not confirm " + pmtud.mtu() + " bytes";
        }
        if (!heartbeat.carriesTraffic()) {
            return "standby: " + (trafficReason.isEmpty() ? "pongs overdue" : trafficReason);
        }
        return "";
    }

    @Override
    public void sendPing(long timestampNanos, boolean probe) {
        effects.sendPing(this, timestampNanos, probe);
    }

    @Override
    public void stateChanged(LinkState from, LinkState to, String reason) {
        lastStateReason = reason;
        effects.linkStateChanged(this, from, to, reason);
    }

    /**
     * Compares the heartbeat's verdict with the last one the engine acted on. Returns +1 when the link came
     * up, -1 when it went down, 0 otherwise; the engine reports the change with {@link #lastStateReason}.
     */
    int settle() {
        boolean now = heartbeat.connected();
        if (now == wasConnected) {
            return 0;
        }
        wasConnected = now;
        downReason = now ? "" : lastStateReason;
        return now ? 1 : -1;
    }

    String lastStateReason() {
        return lastStateReason;
    }

    @Override
    public void trafficChanged(boolean carriesTraffic, String reason) {
        trafficReason = carriesTraffic ? "" : reason;
        effects.trafficChanged(this, carriesTraffic, reason);
    }

    @Override
    public void sendProbe(int size, int probeId) {
        lastProbeSize = size;
        effects.sendProbe(this, size, probeId);
    }

    @Override
    public void mtuChanged(int from, int to, String reason) {
        effects.mtuChanged(this, from, to, reason);
    }

    @Override
    public String toString() {
        return "host: " + hostId + " link: " + spec.linkId();
    }
}
