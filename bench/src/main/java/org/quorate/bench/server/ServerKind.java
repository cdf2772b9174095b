package org.quorate.bench.server;

/** Which qnetd implementation a run measures. */
public enum ServerKind {
    QUORATE("Quorate"),
    C("C corosync-qnetd");

    private final String displayName;

    ServerKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
