package org.quorate.link.heartbeat;

import org.quorate.state.TransitionTable;

/**
 * What the heartbeat believes about one link. Whether the link also carries traffic is a separate flag
 * ({@link LinkHeartbeat#carriesTraffic()}): failover happens inside {@link #UP}, long before a down.
 */
public enum LinkState {
    /** Not connected: no pong yet, or declared down (corosync: connected 0, knet received_pong 0). */
    DOWN,
    /**
     * Not connected yet, but at least one qualifying pong was counted (knet: received_pong &gt; 0). Only from
     * here does "fast data up" bring the link up.
     */
    CONNECTING,
    /** Declared up (corosync: connected 1). */
    UP;

    /**
     * The allowed predecessors. There is no DOWN -&gt; UP: knet counts at least one pong before either the
     * pong-count rule or fast data up can bring a link up.
     */
    public static final TransitionTable<LinkState> TABLE = TransitionTable.of(LinkState.class)
            .allow(DOWN).to(CONNECTING)
            .allow(CONNECTING).to(UP)
            .allow(CONNECTING, UP).to(DOWN)
            .build();

    /** corosync's "connected". */
    public boolean connected() {
        return this == UP;
    }
}
