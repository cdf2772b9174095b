package org.quorate.qnetd.algorithm;

/** Where one client stands in the current ffsplit vote round (spec §7.3). */
enum FfsplitClientPhase {
    /** Nothing owed: the last VOTE_INFO was acknowledged, or no round involves this client. */
    WAITING_FOR_CHANGE,
    /** Must receive (or acknowledge) a NACK before any ACK of the round may go out. */
    SENDING_NACK,
    /** Gets an ACK once every NACK of the round has been acknowledged. */
    SENDING_ACK
}
