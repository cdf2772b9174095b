package org.quorate.link.pmtud;

import java.time.Duration;

/**
 * Path-MTU discovery knobs (the owner of this file adds fields).
 *
 * @param interval knet_pmtud_interval: how often a completed search is confirmed (corosync default 30 s)
 * @param fixedMtu knet_mtu: when non-zero, no discovery, this on-wire size is used
 */
public record PmtuSettings(Duration interval, int fixedMtu) {
    public static final PmtuSettings DEFAULTS = new PmtuSettings(Duration.ofSeconds(30), 0);
}
