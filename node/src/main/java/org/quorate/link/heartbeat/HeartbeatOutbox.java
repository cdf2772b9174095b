package org.quorate.link.heartbeat;

/** Effects of a {@link LinkHeartbeat}, performed by its owner (the engine sends, logs and recomputes). */
public interface HeartbeatOutbox {
    /**
     * Send one ping on this link now.
     *
     * @param timestampNanos the value the pong must echo
     * @param probe          true for an extra ping sent because a pong is overdue, false for a periodic one
     */
    void sendPing(long timestampNanos, boolean probe);

    /** The link's state changed; {@code reason} says why in words for the log. */
    void stateChanged(LinkState from, LinkState to, String reason);

    /**
     * Whether the link should carry traffic changed without a state change: a pong is overdue (traffic fails
     * over) or pongs are back (traffic may return). Default: ignored.
     */
    default void trafficChanged(boolean carriesTraffic, String reason) {
    }
}
