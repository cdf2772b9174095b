package org.quorate.testsupport.lab;

/** qnetd {@code -s} and corosync.conf {@code quorum.device.net.tls}: the same three words on both sides. */
public enum TlsMode {
    ON("on"), OFF("off"), REQUIRED("required");

    private final String word;

    TlsMode(String word) {
        this.word = word;
    }

    /** The word used on the command line and in corosync.conf. */
    public String word() {
        return word;
    }
}
