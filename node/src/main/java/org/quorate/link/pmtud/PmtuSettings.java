package org.quorate.link.pmtud;

import java.time.Duration;

/**
 * Path-MTU discovery knobs.
 *
 * @param interval         knet_pmtud_interval: how often a completed search is confirmed (corosync default 30 s)
 * @param fixedMtu         knet_mtu: when non-zero, no discovery, this on-wire size (IP header included) is used
 * @param probeTimeout     how long a probe waits for its reply before it counts as lost
 * @param maxProbes        lost probes of one size that make it "too big" (RFC 8899 MAX_PROBES, 3)
 * @param searchResolution the search stops when the largest good and smallest bad sizes are this close, bytes
 * @param raiseInterval    how often a completed search below the ceiling looks upward again (RFC 8899
 *                         PMTU_RAISE_TIMER, 600 s)
 */
public record PmtuSettings(Duration interval, int fixedMtu, Duration probeTimeout, int maxProbes,
                           int searchResolution, Duration raiseInterval) {
    public static final PmtuSettings DEFAULTS = new PmtuSettings(Duration.ofSeconds(30), 0, Duration.ofSeconds(1), 3,
            16, Duration.ofSeconds(600));

    public PmtuSettings {
        positive("knet_pmtud_interval", interval);
        positive("pmtud probeTimeout", probeTimeout);
        positive("pmtud raiseInterval", raiseInterval);
        if (fixedMtu < 0 || fixedMtu > 65535) {
            throw new IllegalArgumentException("knet_mtu: 0 (discover) or an on-wire size up to 65535, not " + fixedMtu);
        }
        if (maxProbes < 1) {
            throw new IllegalArgumentException("pmtud maxProbes: must be >= 1, not " + maxProbes);
        }
        if (searchResolution < 1) {
            throw new IllegalArgumentException("pmtud searchResolution: must be >= 1 byte, not " + searchResolution);
        }
    }

    /** corosync's two keys with Quorate's defaults for the rest (the signature the first API commit fixed). */
    public PmtuSettings(Duration interval, int fixedMtu) {
        this(interval, fixedMtu, DEFAULTS.probeTimeout, DEFAULTS.maxProbes, DEFAULTS.searchResolution,
                DEFAULTS.raiseInterval);
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + ": must be > 0, not " + d);
        }
    }
}
