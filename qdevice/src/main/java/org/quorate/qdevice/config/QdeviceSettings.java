package org.quorate.qdevice.config;

import org.quorate.config.Setting;
import org.quorate.config.Settings;

/**
 * What corosync-qdevice runs with: the {@code -d}/{@code -f} flags and the {@code -S} settings (spec
 * §10.2, {@link QdeviceSettingKeys}). Everything about the cluster itself (host, algorithm, timeouts,
 * heuristics) comes from corosync's {@code quorum.device.*} keys instead, see {@code org.quorate.qdevice.backend}.
 *
 * @param debug      number of {@code -d} flags
 * @param foreground {@code -f}
 * @param values     the {@code -S} values, validated
 */
public record QdeviceSettings(int debug, boolean foreground, Settings values) {
    public QdeviceSettings {
        if (values.schema() != QdeviceSettingKeys.SCHEMA) {
            throw new IllegalArgumentException("not corosync-qdevice settings: " + values.schema().title());
        }
    }

    /** The C defaults. */
    public static QdeviceSettings defaults() {
        return new QdeviceSettings(0, false, QdeviceSettingKeys.SCHEMA.defaults());
    }

    /** The value of one {@code -S} setting. */
    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** A copy with {@code setting} changed (tests, embedded use). */
    public <T> QdeviceSettings with(Setting<T> setting, T value) {
        return new QdeviceSettings(debug, foreground, values.toBuilder().set(setting, value).buildOrThrow());
    }

    public QdeviceSettings withFlags(int debugFlags, boolean inForeground) {
        return new QdeviceSettings(debugFlags, inForeground, values);
    }
}
