package org.quorate.votequorum;

import org.quorate.state.TransitionTable;

/** Where votequorum is in the synchroniser's round for the latest ring (node-and-link spec §2.6). */
enum SyncPhase {
    /** No round in progress: changes are announced at once. */
    IDLE,
    /** {@code syncInit} ran; this node has not yet sent its node information for the ring. */
    STARTED,
    /** Node information sent; waiting (maybe for the device's poll) until the round activates. */
    INFO_SENT;

    static final TransitionTable<SyncPhase> TABLE = TransitionTable.of(SyncPhase.class)
            .allow(IDLE, STARTED, INFO_SENT).to(STARTED)
            .allow(STARTED).to(INFO_SENT)
            .allow(INFO_SENT).to(IDLE)
            .build();
}
