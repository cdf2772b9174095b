package org.quorate.qdevice.admin;

/** {@code quorum.device.heuristics.mode} as the status shows it. */
public enum QdeviceHeuristicsMode {
    DISABLED("Disabled"),
    ENABLED("Enabled"),
    SYNC("Enabled only on sync");

    private final String displayName;

    QdeviceHeuristicsMode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Heuristics run (always or on sync), so the "Heuristics result" line is shown. */
    public boolean active() {
        return this != DISABLED;
    }
}
