package org.quorate.qdevice.backend;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.cmap.CmapKeys;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;

/**
 * Turns the node layer's keys into a {@link QdeviceConfig}: defaults, derived values and
 * validation in one place (qnet spec §8.2, §9, §10.2). Pure: no I/O. Every error names its key.
 */
public final class QdeviceConfigParser {
    private static final String DEVICE = CmapKeys.QUORUM_DEVICE;
    private static final String NET = DEVICE + "net.";
    private static final String HEURISTICS = DEVICE + "heuristics.";
    private static final String EXEC_PREFIX = HEURISTICS + "exec_";

    private final ConfigSnapshot keys;
    private final ConfigLimits limits;
    private final Consumer<ConfigNotice> warnings;

    private QdeviceConfigParser(ConfigSnapshot keys, ConfigLimits limits, Consumer<ConfigNotice> warnings) {
        this.keys = keys;
        this.limits = limits;
        this.warnings = warnings;
    }

    /** Parses {@code keys}; throws {@link ConfigException} naming the first bad key. Warnings are dropped. */
    public static QdeviceConfig parse(ConfigSnapshot keys, ConfigLimits limits) {
        return parse(keys, limits, w -> { });
    }

    /**
     * Parses {@code keys} against {@code limits} (the daemon's {@code -S} bounds); what the C daemon logs as a
     * warning and then adjusts (a heartbeat out of bounds, too many heuristics commands) goes to {@code warnings}
     * in the C words and at the C level.
     */
    public static QdeviceConfig parse(ConfigSnapshot keys, ConfigLimits limits, Consumer<ConfigNotice> warnings) {
        return new QdeviceConfigParser(keys, limits, warnings).config();
    }

    private QdeviceConfig config() {
        String clusterName = required(CmapKeys.TOTEM_CLUSTER_NAME);
        long localNodeId = nodeId(CmapKeys.RUNTIME_VOTEQUORUM_THIS_NODE_ID, required(CmapKeys.RUNTIME_VOTEQUORUM_THIS_NODE_ID));
        OptionalLong configVersion = keys.get(CmapKeys.TOTEM_CONFIG_VERSION)
                .map(v -> OptionalLong.of(unsigned(CmapKeys.TOTEM_CONFIG_VERSION, v, Long.MAX_VALUE)))
                .orElse(OptionalLong.empty());
        boolean waitForAll = keys.get(CmapKeys.QUORUM_WAIT_FOR_ALL)
                .map(v -> unsigned(CmapKeys.QUORUM_WAIT_FOR_ALL, v, 255) != 0).orElse(false);
        return new QdeviceConfig(clusterName, localNodeId, configVersion,
                NodeListParser.parse(keys), device(), waitForAll);
    }

    private DeviceSettings device() {
        String model = required(DEVICE + "model");
        if (!model.equals(DeviceSettings.MODEL_NET)) {
            throw new ConfigException(DEVICE + "model", "unknown model '" + model + "', the only model is 'net'");
        }
        OptionalLong votes = keys.get(DEVICE + "votes")
                .map(v -> OptionalLong.of(unsigned(DEVICE + "votes", v, NodeIds.MAX)))
                .orElse(OptionalLong.empty());
        long timeout = positive(DEVICE + "timeout", DeviceSettings.DEFAULT_TIMEOUT_MS);
        long syncTimeout = positive(DEVICE + "sync_timeout", DeviceSettings.DEFAULT_SYNC_TIMEOUT_MS);
        return new DeviceSettings(model, votes, timeout, syncTimeout, Optional.of(net(timeout)),
                heuristics(timeout, syncTimeout));
    }

    private NetSettings net(long deviceTimeout) {
        String host = required(NET + "host");
        int port = Math.toIntExact(keys.get(NET + "port").map(v -> inRange(NET + "port", v, 1, 65535))
                .orElse((long) NetSettings.DEFAULT_PORT));
        TlsSupported tls = keys.get(NET + "tls").map(v -> tls(NET + "tls", v)).orElse(TlsSupported.SUPPORTED);
        DecisionAlgorithm algorithm = keys.get(NET + "algorithm").map(this::algorithm).orElse(DecisionAlgorithm.FFSPLIT);
        TieBreaker tieBreaker = keys.get(NET + "tie_breaker").map(this::tieBreaker).orElse(TieBreaker.LOWEST);
        if (algorithm == DecisionAlgorithm.TEST && !limits.testAlgorithmEnabled()) {
            throw ConfigException.cText(NET + "algorithm", "Test algorithm is not enabled. You can force enable it by "
                    + "passing -S net_test_algorithm_enabled=on to corosync-qdevice command");
        }
        long heartbeat = heartbeat(deviceTimeout);
        long connectTimeout = keys.get(NET + "connect_timeout")
                .map(v -> cRange(NET + "connect_timeout", "connect_timeout", v, limits.minConnectTimeoutMs(),
                        limits.maxConnectTimeoutMs()))
                .orElse(heartbeat);
        int ipVersion = Math.toIntExact(keys.get(NET + "force_ip_version")
                .map(v -> ipVersion(NET + "force_ip_version", v)).orElse(0L));
        boolean keepActive = keys.get(NET + "keep_active_partition_tie_breaker")
                .map(v -> bool(NET + "keep_active_partition_tie_breaker", v)).orElse(true);
        return new NetSettings(host, port, tls, algorithm, tieBreaker, heartbeat, connectTimeout, ipVersion, keepActive);
    }

    /** 0.8 x the device timeout, raised to the minimum and then lowered to the maximum, in C's order and words. */
    private long heartbeat(long deviceTimeout) {
        long heartbeat = (long) (deviceTimeout * 0.8); // C: uint32_t = uint32_t * 0.8, truncated
        if (heartbeat < limits.heartbeatIntervalMinMs()) {
            warnings.accept(ConfigNotice.warning("Heartbeat interval too small " + heartbeat + ". Adjusting to "
                    + limits.heartbeatIntervalMinMs() + "."));
            heartbeat = limits.heartbeatIntervalMinMs();
        }
        if (heartbeat > limits.heartbeatIntervalMaxMs()) {
            warnings.accept(ConfigNotice.warning("Heartbeat interval too big " + heartbeat + ". Adjusting to "
                    + limits.heartbeatIntervalMaxMs() + "."));
            heartbeat = limits.heartbeatIntervalMaxMs();
        }
        return heartbeat;
    }

    private HeuristicsSettings heuristics(long timeout, long syncTimeout) {
        HeuristicsMode mode = keys.get(HEURISTICS + "mode").map(v -> heuristicsMode(HEURISTICS + "mode", v))
                .orElse(HeuristicsMode.OFF);
        long hTimeout = heuristicsTime("timeout", timeout / 2, limits.heuristicsMinTimeoutMs(),
                limits.heuristicsMaxTimeoutMs());
        long hSync = heuristicsTime("sync_timeout", syncTimeout / 2, limits.heuristicsMinTimeoutMs(),
                limits.heuristicsMaxTimeoutMs());
        long hInterval = heuristicsTime("interval", timeout * 3, limits.heuristicsMinIntervalMs(),
                limits.heuristicsMaxIntervalMs());
        SortedMap<String, String> execs = new TreeMap<>();
        for (Map.Entry<String, String> e : keys.withPrefix(EXEC_PREFIX).entrySet()) {
            String name = e.getKey().substring(EXEC_PREFIX.length());
            // The C daemon skips such keys with a warning; they cannot name a command.
            if (!name.isEmpty() && !name.contains(".")) {
                execs.put(name, e.getValue());
            }
        }
        // As in C: the commands only count when heuristics are on; too many disable them, logged, not fatal.
        if (mode != HeuristicsMode.OFF && execs.size() > limits.heuristicsMaxExecs()) {
            warnings.accept(ConfigNotice.error("Too much (" + execs.size() + ") heuristics execs defined (max is "
                    + limits.heuristicsMaxExecs() + "). Disabling heuristics."));
            mode = HeuristicsMode.OFF;
            execs.clear();
        }
        return new HeuristicsSettings(mode, hTimeout, hSync, hInterval, execs);
    }

    private long heuristicsTime(String name, long derived, long min, long max) {
        String key = HEURISTICS + name;
        // A derived value may fall outside the limits (tiny device timeouts); only explicit values are rejected.
        return keys.get(key).map(v -> cRange(key, "heuristics." + name, v, min, max)).orElse(derived);
    }

    /**
     * A number in [min, max] checked as the C daemon's {@code utils_strtonum} does, failing with its message
     * {@code NAME must be valid number in range <MIN,MAX>} ({@code qdevice-instance.c}, {@code qdevice-net-instance.c}).
     */
    private static long cRange(String key, String cName, String v, long min, long max) {
        try {
            return inRange(key, v, min, max);
        } catch (ConfigException e) {
            throw ConfigException.cText(key, cName + " must be valid number in range <" + min + "," + max + ">");
        }
    }

    private String required(String key) {
        String v = keys.get(key).orElseThrow(() -> new ConfigException(key, "missing (required)"));
        if (v.isBlank()) {
            throw new ConfigException(key, "empty (required)");
        }
        return v;
    }

    private long positive(String key, long defaultValue) {
        return keys.get(key).map(v -> inRange(key, v, 1, NodeIds.MAX)).orElse(defaultValue);
    }

    private DecisionAlgorithm algorithm(String v) {
        // Case-sensitive, as the C daemon's strcmp.
        DecisionAlgorithm a = DecisionAlgorithm.fromConfigName(v);
        if (a == null) {
            throw ConfigException.cText(NET + "algorithm", "Unknown decision algorithm " + v);
        }
        return a;
    }

    private TieBreaker tieBreaker(String v) {
        String key = NET + "tie_breaker";
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "lowest" -> TieBreaker.LOWEST;
            case "highest" -> TieBreaker.HIGHEST;
            default -> TieBreaker.nodeId(inRange(key, v, 1, NodeIds.MAX));
        };
    }

    static long nodeId(String key, String v) {
        return inRange(key, v, 1, NodeIds.MAX);
    }

    static long unsigned(String key, String v, long max) {
        return inRange(key, v, 0, max);
    }

    static long inRange(String key, String v, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "not a number: '" + v + "'");
        }
        if (n < min || n > max) {
            throw new ConfigException(key, "must be in range " + min + "-" + max + ", got " + n);
        }
        return n;
    }

    static boolean bool(String key, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "1" -> true;
            case "off", "no", "0" -> false;
            default -> throw new ConfigException(key, "must be on/yes/1 or off/no/0, got '" + v + "'");
        };
    }

    private static TlsSupported tls(String key, String v) {
        if (v.equalsIgnoreCase("required")) {
            return TlsSupported.REQUIRED;
        }
        try {
            return bool(key, v) ? TlsSupported.SUPPORTED : TlsSupported.UNSUPPORTED;
        } catch (ConfigException e) {
            throw new ConfigException(key, "must be on, off or required, got '" + v + "'");
        }
    }

    private static HeuristicsMode heuristicsMode(String key, String v) {
        if (v.equalsIgnoreCase("sync")) {
            return HeuristicsMode.SYNC;
        }
        try {
            return bool(key, v) ? HeuristicsMode.ON : HeuristicsMode.OFF;
        } catch (ConfigException e) {
            throw new ConfigException(key, "must be on, off or sync, got '" + v + "'");
        }
    }

    private static long ipVersion(String key, String v) {
        long n = unsigned(key, v, 6);
        if (n != 0 && n != 4 && n != 6) {
            throw new ConfigException(key, "must be 0, 4 or 6, got " + n);
        }
        return n;
    }
}
