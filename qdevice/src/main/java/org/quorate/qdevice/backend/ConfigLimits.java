package org.quorate.qdevice.backend;

/**
 * The bounds the configuration is validated against. They are qdevice advanced settings
 * (qnet spec §10.2, {@code -S name=value}); {@link #DEFAULTS} holds the C daemon's defaults.
 */
public record ConfigLimits(
        long heartbeatIntervalMinMs,
        long heartbeatIntervalMaxMs,
        long minConnectTimeoutMs,
        long maxConnectTimeoutMs,
        long heuristicsMinTimeoutMs,
        long heuristicsMaxTimeoutMs,
        long heuristicsMinIntervalMs,
        long heuristicsMaxIntervalMs,
        int heuristicsMaxExecs) {

    public static final ConfigLimits DEFAULTS =
            new ConfigLimits(1_000, 120_000, 1_000, 120_000, 1_000, 120_000, 1_000, 3_600_000, 32);

    public ConfigLimits {
        if (heartbeatIntervalMinMs > heartbeatIntervalMaxMs || minConnectTimeoutMs > maxConnectTimeoutMs
                || heuristicsMinTimeoutMs > heuristicsMaxTimeoutMs
                || heuristicsMinIntervalMs > heuristicsMaxIntervalMs) {
            throw new IllegalArgumentException("a minimum exceeds its maximum: " + this);
        }
    }
}
