package org.quorate.link.pmtud;

/** Effects of a {@link PmtuDiscovery}. */
public interface PmtuOutbox {
    /** Send a probe padded to exactly {@code size} bytes of UDP payload, tagged {@code probeId}. */
    void sendProbe(int size, int probeId);

    /** The validated size changed (in UDP payload bytes), with why. */
    void mtuChanged(int from, int to, String reason);

    /** The discovery moved to another phase, with why (for the debug log). Default: ignored. */
    default void stateChanged(PmtuState from, PmtuState to, String reason) {
    }
}
