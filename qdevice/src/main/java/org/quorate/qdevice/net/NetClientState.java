package org.quorate.qdevice.net;

import org.quorate.state.TransitionTable;

/**
 * The connection states of the net model client (spec §4.1), in the C source's order, plus the two the C
 * client keeps in flags: CONNECT_FAILED (every address failed; the connect timer still runs) and STOPPED (no
 * reconnect: the daemon stops or gave up). The C client's SENDING_PREINIT_REPLY is a server-side leftover that
 * its client never enters; it is not here.
 */
public enum NetClientState {
    WAITING_CONNECT,
    CONNECT_FAILED,
    WAITING_PREINIT_REPLY,
    WAITING_STARTTLS_BEING_SENT,
    WAITING_INIT_REPLY,
    WAITING_VOTEQUORUM_CMAP_EVENTS,
    STOPPED;

    /**
     * Forward through the handshake (STARTTLS only with TLS), back to WAITING_CONNECT from anywhere a
     * connection attempt can end (WAITING_CONNECT itself when the connect timer fires before TCP connected), and
     * STOPPED from anywhere but itself.
     */
    static final TransitionTable<NetClientState> TRANSITIONS = TransitionTable.of(NetClientState.class)
            .allow(WAITING_CONNECT).to(CONNECT_FAILED, WAITING_PREINIT_REPLY)
            .allow(WAITING_PREINIT_REPLY).to(WAITING_STARTTLS_BEING_SENT)
            .allow(WAITING_PREINIT_REPLY, WAITING_STARTTLS_BEING_SENT).to(WAITING_INIT_REPLY)
            .allow(WAITING_INIT_REPLY).to(WAITING_VOTEQUORUM_CMAP_EVENTS)
            .allow(WAITING_CONNECT, CONNECT_FAILED, WAITING_PREINIT_REPLY, WAITING_STARTTLS_BEING_SENT,
                    WAITING_INIT_REPLY, WAITING_VOTEQUORUM_CMAP_EVENTS).to(WAITING_CONNECT, STOPPED)
            .build();

    /** Fully connected: node lists flow and votes count. */
    public boolean connected() {
        return this == WAITING_VOTEQUORUM_CMAP_EVENTS;
    }

    /** A TCP connection of the current attempt was up (the reconnect then waits a random back-off). */
    boolean tcpConnected() {
        return this == WAITING_PREINIT_REPLY || this == WAITING_STARTTLS_BEING_SENT || this == WAITING_INIT_REPLY
                || this == WAITING_VOTEQUORUM_CMAP_EVENTS;
    }
}
