package org.quorate.link.heartbeat;

/** What the heartbeat believes about one link. The owner of this file adds states and the predecessor table. */
public enum LinkState {
    /** Not connected: no pong yet, or declared down (corosync: connected 0). */
    DOWN,
    /** Declared up (corosync: connected 1). */
    UP
}
