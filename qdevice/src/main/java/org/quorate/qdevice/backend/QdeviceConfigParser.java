package org.quorate.qdevice.backend;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
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

    private QdeviceConfigParser(ConfigSnapshot keys, ConfigLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    /** Parses {@code keys}; throws {@link ConfigException} naming the first bad key. */
    public static QdeviceConfig parse(ConfigSnapshot keys, ConfigLimits limits) {
        return new QdeviceConfigParser(keys, limits).config();
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
        long heartbeat = Math.max(limits.heartbeatIntervalMinMs(),
                Math.min(limits.heartbeatIntervalMaxMs(), deviceTimeout * 8 / 10));
        long connectTimeout = keys.get(NET + "connect_timeout")
                .map(v -> inRange(NET + "connect_timeout", v, limits.minConnectTimeoutMs(), limits.maxConnectTimeoutMs()))
                .orElse(heartbeat);
        int ipVersion = Math.toIntExact(keys.get(NET + "force_ip_version")
                .map(v -> ipVersion(NET + "force_ip_version", v)).orElse(0L));
        boolean keepActive = keys.get(NET + "keep_active_partition_tie_breaker")
                .map(v -> bool(NET + "keep_active_partition_tie_breaker", v)).orElse(true);
        return new NetSettings(host, port, tls, algorithm, tieBreaker, heartbeat, connectTimeout, ipVersion, keepActive);
    }

    private HeuristicsSettings heuristics(long timeout, long syncTimeout) {
        HeuristicsMode mode = keys.get(HEURISTICS + "mode").map(v -> heuristicsMode(HEURISTICS + "mode", v))
                .orElse(HeuristicsMode.OFF);
        long hTimeout = heuristicsTime("timeout", timeout / 2, limits.heuristicsMinTimeoutMs(), limits.heuristicsMaxTimeoutMs());
        long hSync = heuristicsTime("sync_timeout", syncTimeout / 2, limits.heuristicsMinTimeoutMs(), limits.heuristicsMaxTimeoutMs());
        long hInterval = heuristicsTime("interval", timeout * 3, limits.heuristicsMinIntervalMs(), limits.heuristicsMaxIntervalMs());
        SortedMap<String, String> execs = new TreeMap<>();
        for (Map.Entry<String, String> e : keys.withPrefix(EXEC_PREFIX).entrySet()) {
            String name = e.getKey().substring(EXEC_PREFIX.length());
            // The C daemon skips such keys with a warning; they cannot name a command.
            if (!name.isEmpty() && !name.contains(".")) {
                execs.put(name, e.getValue());
            }
        }
        if (execs.size() > limits.heuristicsMaxExecs()) {
            throw new ConfigException(EXEC_PREFIX + "*", "too many commands (" + execs.size()
                    + "), at most " + limits.heuristicsMaxExecs());
        }
        return new HeuristicsSettings(mode, hTimeout, hSync, hInterval, execs);
    }

    private long heuristicsTime(String name, long derived, long min, long max) {
        String key = HEURISTICS + name;
        // A derived value may fall outside the limits (tiny device timeouts); only explicit values are rejected.
        return keys.get(key).map(v -> inRange(key, v, min, max)).orElse(derived);
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
        DecisionAlgorithm a = DecisionAlgorithm.fromConfigName(v.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new ConfigException(NET + "algorithm", "must be one of test, ffsplit, 2nodelms, lms, got '" + v + "'");
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
