package org.quorate.qdevice.backend;

import org.quorate.config.Settings;

import static org.quorate.qdevice.config.QdeviceSettingKeys.HEURISTICS_MAX_EXECS;
import static org.quorate.qdevice.config.QdeviceSettingKeys.HEURISTICS_MAX_INTERVAL;
import static org.quorate.qdevice.config.QdeviceSettingKeys.HEURISTICS_MAX_TIMEOUT;
import static org.quorate.qdevice.config.QdeviceSettingKeys.HEURISTICS_MIN_INTERVAL;
import static org.quorate.qdevice.config.QdeviceSettingKeys.HEURISTICS_MIN_TIMEOUT;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_HEARTBEAT_INTERVAL_MAX;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_HEARTBEAT_INTERVAL_MIN;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_MAX_CONNECT_TIMEOUT;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_MIN_CONNECT_TIMEOUT;
import static org.quorate.qdevice.config.QdeviceSettingKeys.NET_TEST_ALGORITHM_ENABLED;
import static org.quorate.qdevice.config.QdeviceSettingKeys.SCHEMA;

/**
 * The {@code -S} settings the {@code quorum.device.*} keys are checked against (qnet spec §10.2), taken
 * from the daemon's settings by {@link #from(Settings)}. As in C, a minimum above its maximum is allowed:
 * the range checks then refuse every explicit value and the heartbeat ends at the maximum.
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
        int heuristicsMaxExecs,
        boolean testAlgorithmEnabled) {

    /** The C daemon's defaults (the settings' defaults). */
    public static final ConfigLimits DEFAULTS = from(SCHEMA.defaults());

    /** The limits the daemon runs with: read by name from its {@code -S} settings. */
    public static ConfigLimits from(Settings s) {
        return new ConfigLimits(s.get(NET_HEARTBEAT_INTERVAL_MIN).toMillis(), s.get(NET_HEARTBEAT_INTERVAL_MAX).toMillis(),
                s.get(NET_MIN_CONNECT_TIMEOUT).toMillis(), s.get(NET_MAX_CONNECT_TIMEOUT).toMillis(),
                s.get(HEURISTICS_MIN_TIMEOUT).toMillis(), s.get(HEURISTICS_MAX_TIMEOUT).toMillis(),
                s.get(HEURISTICS_MIN_INTERVAL).toMillis(), s.get(HEURISTICS_MAX_INTERVAL).toMillis(),
                s.get(HEURISTICS_MAX_EXECS), s.get(NET_TEST_ALGORITHM_ENABLED));
    }
}
