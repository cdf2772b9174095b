package org.quorate.link.heartbeat;

import org.quorate.link.config.LinkSpec;

/** The heartbeat of one link to one host. Single-threaded; every time is the caller's clock in nanoseconds. */
public final class LinkHeartbeat {
    public LinkHeartbeat(LinkSpec spec, HeartbeatTuning tuning, long nowNanos) {
        throw new UnsupportedOperationException("issue #11: heartbeat not written yet");
    }

    /** Called every {@link HeartbeatTuning#tick()}: sends due pings, declares the link down on timeout. */
    public void onTick(long nowNanos, HeartbeatOutbox out) {
        throw new UnsupportedOperationException();
    }

    /** A pong echoing {@code echoedTimestampNanos} arrived on this link. */
    public void onPong(long nowNanos, long echoedTimestampNanos, HeartbeatOutbox out) {
        throw new UnsupportedOperationException();
    }

    /**
     * Data arrived on this link while its host had no connected link: knet's "fast data up" brings the link up
     * when at least one pong was already counted. Returns whether the link is now up.
     */
    public boolean onDataWhileUnreachable(long nowNanos, HeartbeatOutbox out) {
        throw new UnsupportedOperationException();
    }

    public LinkState state() {
        throw new UnsupportedOperationException();
    }

    /** Declared up (corosync's "connected"). */
    public boolean connected() {
        throw new UnsupportedOperationException();
    }

    /** Connected and answering in time: preferred for traffic (false while pongs are overdue). */
    public boolean carriesTraffic() {
        throw new UnsupportedOperationException();
    }

    public LinkScore score() {
        throw new UnsupportedOperationException();
    }
}
