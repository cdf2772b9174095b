package org.quorate.qdevice.net;

/** The connection states of the net model client (spec §4.1), in the C source's order. */
public enum NetClientState {
    WAITING_CONNECT,
    SENDING_PREINIT_REPLY,
    WAITING_PREINIT_REPLY,
    WAITING_STARTTLS_BEING_SENT,
    WAITING_INIT_REPLY,
    WAITING_VOTEQUORUM_CMAP_EVENTS;

    /** Fully connected: node lists flow and votes count. */
    public boolean connected() {
        return this == WAITING_VOTEQUORUM_CMAP_EVENTS;
    }
}
