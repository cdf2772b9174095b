package org.quorate.link.real;

/**
 * One side of the detection figure: something that can cut a link, heal it, and say whether the observer
 * currently shows the peer disconnected on it. Real corosync's is {@link CorosyncLinkProbe}; Quorate's
 * ({@code quorate-linkbench} in the same namespaces, from the same corosync.conf) plugs in the same way.
 */
interface DetectionProbe {
    /** For the printed figures, e.g. "corosync 3.1.7 default". */
    String name();

    /** Cuts the link (both directions); returns once the cut is in place. */
    void cut();

    /** Undoes {@link #cut()}. */
    void heal();

    /** Whether the observer shows the peer disconnected on the link now (one status poll). */
    boolean isDisconnected();
}
