package org.quorate.qdevice.heuristics;

import org.quorate.qdevice.config.QdeviceSettingKeys;
import org.quorate.qdevice.config.QdeviceSettings;

/**
 * The {@code -S heuristics_*} advanced settings that govern how commands are run (spec §10.2).
 *
 * @param useExecvp           look bare command names up in PATH instead of requiring an absolute path
 * @param maxProcesses        command processes alive at once, stragglers being killed included
 * @param killListIntervalMs  delay between SIGTERM and SIGKILL, and between later liveness checks
 */
public record HeuristicsLimits(boolean useExecvp, int maxProcesses, long killListIntervalMs) {

    public HeuristicsLimits {
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("heuristics_max_processes must be at least 1, got " + maxProcesses);
        }
        if (killListIntervalMs < 1) {
            throw new IllegalArgumentException(
                    "heuristics_kill_list_interval must be positive, got " + killListIntervalMs);
        }
    }

    public static HeuristicsLimits from(QdeviceSettings settings) {
        return new HeuristicsLimits(settings.get(QdeviceSettingKeys.HEURISTICS_USE_EXECVP),
                settings.get(QdeviceSettingKeys.HEURISTICS_MAX_PROCESSES),
                settings.get(QdeviceSettingKeys.HEURISTICS_KILL_LIST_INTERVAL).toMillis());
    }
}
