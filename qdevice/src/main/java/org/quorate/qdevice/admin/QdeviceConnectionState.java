package org.quorate.qdevice.admin;

/** The "State:" line of the Qdevice-net block (spec §12.4). */
public enum QdeviceConnectionState {
    /** A disconnect is pending. */
    DISCONNECTED("Disconnected"),
    /** The handshake is done and votes flow (client state 5). */
    CONNECTED("Connected"),
    /** Connecting, TLS or INIT handshake in progress. */
    CONNECTING("Connecting"),
    /** Every address failed and the client waits for the connect timer. */
    CONNECT_FAILED("Connect failed");

    private final String displayName;

    QdeviceConnectionState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
