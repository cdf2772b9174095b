package org.quorate.qnetd.config;

import org.quorate.config.AdvancedSettingsParser;
import org.quorate.config.SettingsException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The {@code -S name=value} settings of corosync-qnetd (spec §10.1), each with its accepted range in
 * one place. Error texts are the C daemon's, so scripts that match on them keep working.
 */
public enum AdvancedSetting {
    LISTEN_BACKLOG(v -> integer(v, 1, Integer.MAX_VALUE), (b, v) -> b.listenBacklog = ((Long) v).intValue()),
    MAX_CLIENT_SEND_BUFFERS(v -> integer(v, 2, Integer.MAX_VALUE), (b, v) -> b.maxClientSendBuffers = ((Long) v).intValue()),
    MAX_CLIENT_SEND_SIZE(v -> integer(v, 16, Integer.MAX_VALUE), (b, v) -> b.maxClientSendSize = ((Long) v).intValue()),
    MAX_CLIENT_RECEIVE_SIZE(v -> integer(v, 16, Integer.MAX_VALUE), (b, v) -> b.maxClientReceiveSize = ((Long) v).intValue()),
    NSS_DB_DIR(AdvancedSetting::path, (b, v) -> b.nssDbDir = (Path) v),
    CERT_NICKNAME(v -> v, (b, v) -> b.certNickname = (String) v),
    HEARTBEAT_INTERVAL_MIN(v -> integer(v, 1, 0xFFFF_FFFFL), (b, v) -> b.heartbeatIntervalMin = (Long) v),
    HEARTBEAT_INTERVAL_MAX(v -> integer(v, 1, 0xFFFF_FFFFL), (b, v) -> b.heartbeatIntervalMax = (Long) v),
    DPD_ENABLED(AdvancedSettingsParser::parseBoolean, (b, v) -> b.dpdEnabled = (Boolean) v),
    DPD_INTERVAL_COEFFICIENT(AdvancedSetting::coefficient, (b, v) -> b.dpdIntervalCoefficient = (Double) v),
    DPD_INTERVAL(v -> v, (b, v) -> { }),
    LOCK_FILE(AdvancedSetting::path, (b, v) -> b.lockFile = (Path) v),
    LOCAL_SOCKET_FILE(AdvancedSetting::path, (b, v) -> b.localSocketFile = (Path) v),
    LOCAL_SOCKET_UMASK(AdvancedSetting::umask, (b, v) -> b.localSocketUmask = (Integer) v),
    LOCAL_SOCKET_GID(v -> v, (b, v) -> b.localSocketGid = ((String) v).isEmpty() || v.equals("-1") ? null : (String) v),
    LOCAL_SOCKET_BACKLOG(v -> integer(v, 1, Integer.MAX_VALUE), (b, v) -> b.localSocketBacklog = ((Long) v).intValue()),
    IPC_MAX_CLIENTS(v -> integer(v, 0, Integer.MAX_VALUE), (b, v) -> b.ipcMaxClients = ((Long) v).intValue()),
    IPC_MAX_RECEIVE_SIZE(v -> integer(v, 1024, Integer.MAX_VALUE), (b, v) -> b.ipcMaxReceiveSize = ((Long) v).intValue()),
    IPC_MAX_SEND_SIZE(v -> integer(v, 1024, Integer.MAX_VALUE), (b, v) -> b.ipcMaxSendSize = ((Long) v).intValue()),
    KEEP_ACTIVE_PARTITION_TIE_BREAKER(AdvancedSettingsParser::parseBoolean,
            (b, v) -> b.keepActivePartitionTieBreaker = (Boolean) v),
    /** Quorate: Prometheus text endpoint, {@code host:port} (loopback recommended); absent = off. */
    METRICS_ADDRESS(AdvancedSetting::hostPort, (b, v) -> b.metricsAddress = (String) v);

    private final Function<String, Object> parser;
    private final BiConsumer<QnetdSettings.Builder, Object> setter;

    AdvancedSetting(Function<String, Object> parser, BiConsumer<QnetdSettings.Builder, Object> setter) {
        this.parser = parser;
        this.setter = setter;
    }

    /** The name as written after {@code -S}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Applies one {@code -S} item. Returns a warning to log (deprecated options) or null.
     *
     * @throws SettingsException with the C text for an unknown name or an invalid value
     */
    public static String apply(QnetdSettings.Builder builder, AdvancedSettingsParser.Item item) throws SettingsException {
        AdvancedSetting setting = byName(item.name());
        if (setting == null) {
            throw new SettingsException("Unknown option '" + item.name() + "'");
        }
        Object value = setting.parser.apply(item.value());
        if (value == null) {
            throw new SettingsException("Invalid value '" + item.value() + "' for option '" + item.name() + "'");
        }
        setting.setter.accept(builder, value);
        if (setting == DPD_INTERVAL) {
            return "Option '" + item.name() + "' is deprecated and has no effect anymore";
        }
        return null;
    }

    /** Cross-setting checks the C daemon makes after all options are read. */
    public static void validate(QnetdSettings.Builder b) throws SettingsException {
        if (b.heartbeatIntervalMin > b.heartbeatIntervalMax) {
            throw new SettingsException("heartbeat_interval_min (" + b.heartbeatIntervalMin
                    + ") must not be greater than heartbeat_interval_max (" + b.heartbeatIntervalMax + ")");
        }
    }

    static AdvancedSetting byName(String name) {
        for (AdvancedSetting s : values()) {
            if (s.settingName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private static Object integer(String v, long min, long max) {
        return AdvancedSettingsParser.parseLong(v, min, max);
    }

    private static Object path(String v) {
        return v.isEmpty() ? null : Path.of(v);
    }

    private static Object coefficient(String v) {
        try {
            double d = Double.parseDouble(v);
            return d >= 1 && d <= 1000 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object umask(String v) {
        if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '7')) {
            return null;
        }
        int mask = Integer.parseInt(v, 8);
        return mask <= 0777 ? mask : null;
    }

    private static Object hostPort(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        Long port = AdvancedSettingsParser.parseLong(v.substring(colon + 1), 1, 65535);
        return port == null ? null : v;
    }
}
