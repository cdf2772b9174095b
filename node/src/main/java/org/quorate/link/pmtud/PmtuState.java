package org.quorate.link.pmtud;

import org.quorate.state.TransitionTable;

/** The phases of RFC 8899's DPLPMTUD for one link, plus knet's fixed MTU. */
public enum PmtuState {
    /** knet_mtu is set: no probes, the configured size is the MTU. */
    FIXED,
    /** Confirming that the floor gets through (RFC 8899 BASE): the MTU is the floor. */
    BASE,
    /** Probing sizes between the largest confirmed and the smallest refused one. */
    SEARCHING,
    /** Done: the MTU is confirmed again every interval, and the search looks upward every raise interval. */
    SEARCH_COMPLETE,
    /** Not even the floor got through: the MTU stays the floor, the base probe is retried every interval. */
    ERROR;

    public static final TransitionTable<PmtuState> TABLE = TransitionTable.of(PmtuState.class)
            .allow(BASE, SEARCHING, SEARCH_COMPLETE, ERROR).to(BASE)
            .allow(BASE, SEARCH_COMPLETE).to(SEARCHING)
            .allow(SEARCHING).to(SEARCH_COMPLETE)
            .allow(BASE).to(ERROR)
            .build();
}
