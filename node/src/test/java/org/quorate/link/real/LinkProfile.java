package org.quorate.link.real;

import java.util.List;

/**
 * The knet timings of a lab corosync.conf: corosync's defaults (derived from token, spec §1.5: with 3 nodes
 * token_eff 3650 ms, ping interval 912 ms, pong timeout 1825 ms), or the fast profile, ping 100 ms /
 * timeout 200 ms set on both interfaces.
 */
enum LinkProfile {
    DEFAULT(List.of()),
    FAST(List.of("knet_ping_interval: 100", "knet_ping_timeout: 200"));

    private final List<String> interfaceLines;

    LinkProfile(List<String> interfaceLines) {
        this.interfaceLines = interfaceLines;
    }

    /** Lines added to every {@code totem.interface} block. */
    List<String> interfaceLines() {
        return interfaceLines;
    }
}
