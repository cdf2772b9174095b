package org.quorate.link;

/** Callbacks from a {@link LinkLayer}, all on its scheduler thread. */
public interface LinkListener {
    /** One whole message from {@code fromHost}; {@code message} is the listener's to keep. */
    void onMessage(int fromHost, byte[] message);

    /**
     * {@code hostId} became reachable (a first link came up) or unreachable (its last eligible link went
     * down). A failover from one link to another is not a reachability change.
     */
    void onReachability(int hostId, boolean reachable);

    /** A link changed; for logs, status and tests. Default: ignored. */
    default void onLinkEvent(LinkEvent event) {
    }
}
