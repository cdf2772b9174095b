package org.quorate.qdevice.backend;

/** {@code quorum.device.heuristics.mode} (qnet spec §9). */
public enum HeuristicsMode {
    OFF("Disabled"),
    ON("Enabled"),
    SYNC("Enabled only on sync");

    private final String displayName;

    HeuristicsMode(String displayName) {
        this.displayName = displayName;
    }

    /** The text corosync-qdevice-tool prints. */
    public String displayName() {
        return displayName;
    }
}
