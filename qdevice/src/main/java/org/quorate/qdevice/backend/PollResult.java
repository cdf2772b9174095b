package org.quorate.qdevice.backend;

/**
 * What became of a device poll. The two non-accepted outcomes are the ones the qdevice daemon
 * tolerates (spec §6.1); every other failure is thrown as {@link QuorumBackendException}.
 */
public enum PollResult {
    /** votequorum took the poll: the device is alive and casts (or withholds) its vote. */
    ACCEPTED,
    /** The ring id is not the one of the last sync ({@code CS_ERR_MESSAGE_ERROR}); poll ignored. */
    STALE_RING_ID,
    /** corosync is busy ({@code CS_ERR_TRY_AGAIN}); the next timer tick polls again. */
    TRY_AGAIN
}
