package org.quorate.link.wire;

/** Why a received datagram was dropped. Every drop is counted by reason, never logged per packet. */
public enum DropReason {
    TOO_SHORT, TOO_LONG, BAD_VERSION, UNKNOWN_TYPE, MALFORMED, NOT_FOR_US, UNKNOWN_HOST,
    /** Clear text where crypto is on, or sealed where it is off. */
    CRYPTO_MISMATCH,
    /** The tag did not verify with any installed key: wrong key, forged or corrupted. */
    AUTHENTICATION_FAILED,
    /** Already received (packet counter inside the replay window) or older than the window. */
    REPLAY,
    /** From an earlier incarnation of the sender than one already seen. */
    STALE_INCARNATION,
    /** The link id in the packet does not match the socket or source address it arrived on. */
    LINK_MISMATCH,
    /** The host has no eligible link yet and no pong was counted (knet: "Source host not reachable yet"). */
    HOST_NOT_REACHABLE,
    /** A fragment that does not fit its message, or exceeds the reassembly bounds. */
    BAD_FRAGMENT,
    DUPLICATE
}
