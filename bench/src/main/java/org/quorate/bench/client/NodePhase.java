package org.quorate.bench.client;

/** Where a simulated node is in the client side of the QNet start-up (spec §4), or idle between connections. */
public enum NodePhase {
    IDLE,
    CONNECTING,
    AWAIT_PREINIT_REPLY,
    TLS_HANDSHAKE,
    AWAIT_INIT_REPLY,
    AWAIT_SET_OPTION_REPLY,
    ACTIVE
}
