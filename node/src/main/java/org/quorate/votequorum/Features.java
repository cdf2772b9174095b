package org.quorate.votequorum;

/**
 * votequorum's configured features and the values derived from the configuration, as {@link ConfigLoader} sets
 * them at start-up and on every reload and {@link Votequorum} reads (and, for a few, changes) them. Mutable,
 * owned by one {@link Votequorum}.
 */
final class Features {
    long qdeviceTimeoutMs = QuorumConfig.DEFAULT_DEVICE_TIMEOUT_MS;
    long qdeviceSyncTimeoutMs = QuorumConfig.DEFAULT_DEVICE_SYNC_TIMEOUT_MS;
    /** Cleared by a configuration the device cannot work with at runtime (corosync then refuses registrations). */
    boolean qdeviceCanOperate = true;
    boolean twoNode;
    boolean waitForAll;
    /** wait_for_all was not configured, so it follows two_node. */
    boolean waitForAllAutoset;
    AutoTieBreaker autoTieBreaker = AutoTieBreaker.NONE;
    /** What start-up chose; a reload starts from it again (ATB cannot change at runtime, but may be switched off). */
    AutoTieBreaker initialAutoTieBreaker = AutoTieBreaker.NONE;
    boolean lastManStanding;
    long lastManStandingWindowMs = QuorumConfig.DEFAULT_LMS_WINDOW_MS;
    boolean allowDownscale;
    /** The expected votes of the configuration, the floor allow_downscale keeps the quorum at. */
    long evBarrier;
    boolean evTracking;
    /** The highest expected votes seen, persisted in {@code <state_dir>/ev_tracking}. */
    long evTrackingBarrier;
}
