package org.quorate.votequorum.service;

import org.quorate.votequorum.Effect;

/**
 * What a host of {@link VotequorumService} hears: the quorum service's view, the notifications that
 * votequorum's tracking clients (a quorum device, corosync-quorumtool -m) get, and the ev_tracking
 * barrier to persist. Called on the service's thread; every method defaults to nothing.
 */
public interface VotequorumListener {
    default void quorumChanged(Effect.QuorumChanged change) {
    }

    default void quorumNotification(Effect.QuorumNotification notification) {
    }

    default void nodeListNotification(Effect.NodeListNotification notification) {
    }

    default void expectedVotesNotification(Effect.ExpectedVotesNotification notification) {
    }

    /**
     * A line corosync would log here (and an undecodable message, at WARNING). The service does not log itself:
     * the daemon around it chooses where lines go, the simulator may drop them.
     */
    default void log(long nodeId, Effect.Log line) {
    }

    /** Write {@code barrier} as the 4 bytes of {@code <state_dir>/ev_tracking}. */
    default void createEvTrackingFile(long barrier) {
    }

    VotequorumListener NONE = new VotequorumListener() {
    };
}
