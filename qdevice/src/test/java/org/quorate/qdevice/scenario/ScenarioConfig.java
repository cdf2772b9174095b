package org.quorate.qdevice.scenario;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.qdevice.backend.ConfiguredNode;
import org.quorate.qdevice.backend.DeviceSettings;
import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.qdevice.backend.NetSettings;
import org.quorate.qdevice.backend.QdeviceConfig;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.LongStream;

/** The corosync configuration every node of a scenario cluster reads. */
final class ScenarioConfig {
    /** Connect timeout and heartbeat: short, so that a cut peer is found within seconds on real sockets. */
    static final long HEARTBEAT_MS = 3000;

    private ScenarioConfig() {
    }

    static QdeviceConfig of(String cluster, long nodeId, int clusterSize, DecisionAlgorithm algorithm, String host,
                            int port, TlsSupported tls) {
        NetSettings net = new NetSettings(host, port, tls, algorithm, TieBreaker.LOWEST, HEARTBEAT_MS, HEARTBEAT_MS, 0, true);
        DeviceSettings device = new DeviceSettings("net",
                OptionalLong.of(algorithm == DecisionAlgorithm.LMS ? clusterSize - 1 : 1), 10000, 30000,
                Optional.of(net), new HeuristicsSettings(HeuristicsMode.OFF, 5000, 15000, 30000, new TreeMap<>()));
        List<ConfiguredNode> nodes = LongStream.rangeClosed(1, clusterSize)
                .mapToObj(id -> new ConfiguredNode(id, 0, Optional.empty(), Optional.empty())).toList();
        return new QdeviceConfig(cluster, nodeId, OptionalLong.of(1), nodes, device, false);
    }
}
