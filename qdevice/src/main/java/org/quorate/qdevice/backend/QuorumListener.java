package org.quorate.qdevice.backend;

import java.util.Set;

/**
 * Receives what the node layer reports. Calls arrive on the executor given to
 * {@link QuorumBackend#startTracking}, in the order the node layer produced them, one at a time.
 * All methods default to doing nothing so a listener implements only what it needs.
 */
public interface QuorumListener {
    /** A new ring formed; a sync is in progress until the next {@link #onQuorum}. */
    default void onNodeList(NodeListNotification notification) {
    }

    /** The sync ended with this quorum state. */
    default void onQuorum(QuorumNotification notification) {
    }

    /** The local node's expected votes changed. */
    default void onExpectedVotes(int expectedVotes) {
    }

    /**
     * Tracked configuration keys changed (added, modified or deleted). Changes made while corosync
     * reloads its configuration are held back and delivered together once the reload finished.
     */
    default void onConfigChanged(Set<String> changedKeys) {
    }

    /**
     * The node layer is gone (corosync exited or the IPC connection broke). No further calls
     * follow. The C daemon exits in this case; so should ours.
     */
    default void onBackendLost(QuorumBackendException cause) {
    }
}
