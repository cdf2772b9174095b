package org.quorate.qdevice.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.qdevice.config.QdeviceCommandLine;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;

class QdeviceConfigParserTest {

    private static QdeviceConfig parse(ConfigSnapshot s) {
        return QdeviceConfigParser.parse(s, ConfigLimits.DEFAULTS);
    }

    @Test
    void parsesAFullConfigurationWithDefaultsAndDerivedValues() {
        QdeviceConfig c = parse(ConfigSnapshot.of(ConfigFixtures.twoNodeNet()));

        assertThat(c.clusterName()).isEqualTo("lab1");
        assertThat(c.localNodeId()).isEqualTo(1);
        assertThat(c.configVersion()).hasValue(7);
        assertThat(c.nodes()).containsExactly(
                new ConfiguredNode(1, 0, Optional.of("c1n1"), Optional.of("198.18.1.1")),
                new ConfiguredNode(2, 5, Optional.of("c1n2"), Optional.of("198.18.1.2")));
        DeviceSettings d = c.device();
        assertThat(d.model()).isEqualTo("net");
        assertThat(d.votes()).hasValue(1);
        assertThat(d.timeoutMs()).isEqualTo(10_000);
        assertThat(d.syncTimeoutMs()).isEqualTo(30_000);
        assertThat(d.castVoteIntervalMs()).isEqualTo(5_000);
        NetSettings n = d.net().orElseThrow();
        assertThat(n.host()).isEqualTo("198.18.0.100");
        assertThat(n.port()).isEqualTo(5403);
        assertThat(n.tls()).isEqualTo(TlsSupported.SUPPORTED);
        assertThat(n.algorithm()).isEqualTo(DecisionAlgorithm.FFSPLIT);
        assertThat(n.tieBreaker()).isEqualTo(TieBreaker.LOWEST);
        assertThat(n.heartbeatIntervalMs()).isEqualTo(8_000);
        assertThat(n.connectTimeoutMs()).isEqualTo(8_000);
        assertThat(n.forceIpVersion()).isZero();
        assertThat(n.keepActivePartitionTieBreaker()).isTrue();
        HeuristicsSettings h = d.heuristics();
        assertThat(h.mode()).isEqualTo(HeuristicsMode.OFF);
        assertThat(h.timeoutMs()).isEqualTo(5_000);
        assertThat(h.syncTimeoutMs()).isEqualTo(15_000);
        assertThat(h.intervalMs()).isEqualTo(30_000);
        assertThat(h.enabled()).isFalse();
        assertThat(c.waitForAll()).isFalse();
    }

    @Test
    void heartbeatFollowsTheDeviceTimeoutAndIsClamped() {
        assertThat(parse(ConfigFixtures.with("quorum.device.timeout", "3000")).device().net().orElseThrow()
                .heartbeatIntervalMs()).isEqualTo(2_400);
        assertThat(parse(ConfigFixtures.with("quorum.device.timeout", "1000")).device().net().orElseThrow()
                .heartbeatIntervalMs()).isEqualTo(1_000);
        assertThat(parse(ConfigFixtures.with("quorum.device.timeout", "600000")).device().net().orElseThrow()
                .heartbeatIntervalMs()).isEqualTo(120_000);
    }

    @Test
    void readsHeuristicsCommandsAndIgnoresMalformedExecKeys() {
        Map<String, String> m = ConfigFixtures.twoNodeNet();
        m.put("quorum.device.heuristics.mode", "sync");
        m.put("quorum.device.heuristics.exec_ping", "/bin/ping -q -c 1 198.18.0.1");
        m.put("quorum.device.heuristics.exec_", "/bin/true");
        m.put("quorum.device.heuristics.exec_a.b", "/bin/true");
        m.put("quorum.device.heuristics.interval", "2000");
        HeuristicsSettings h = parse(ConfigSnapshot.of(m)).device().heuristics();

        assertThat(h.mode()).isEqualTo(HeuristicsMode.SYNC);
        assertThat(h.execs()).containsExactly(Map.entry("ping", "/bin/ping -q -c 1 198.18.0.1"));
        assertThat(h.intervalMs()).isEqualTo(2_000);
        assertThat(h.enabled()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "quorum.device.net.tls, required, REQUIRED",
            "quorum.device.net.tls, OFF, UNSUPPORTED",
            "quorum.device.net.tls, 0, UNSUPPORTED",
            "quorum.device.net.tls, yes, SUPPORTED"})
    void acceptsTheTlsWords(String key, String value, TlsSupported expected) {
        assertThat(parse(ConfigFixtures.with(key, value)).device().net().orElseThrow().tls()).isEqualTo(expected);
    }

    @Test
    void tieBreakerMayNameANode() {
        assertThat(parse(ConfigFixtures.with("quorum.device.net.tie_breaker", "2")).device().net().orElseThrow()
                .tieBreaker()).isEqualTo(TieBreaker.nodeId(2));
        assertThat(parse(ConfigFixtures.with("quorum.device.net.tie_breaker", "highest")).device().net().orElseThrow()
                .tieBreaker()).isEqualTo(TieBreaker.HIGHEST);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "totem.cluster_name, NULL, missing",
            "runtime.votequorum.this_node_id, 0, range 1-4294967295",
            "quorum.device.model, disk, only model is 'net'",
            "quorum.device.model, NULL, missing",
            "quorum.device.net.host, NULL, missing",
            "quorum.device.net.host, ' ', empty",
            "quorum.device.net.port, 0, range 1-65535",
            "quorum.device.net.port, http, not a number",
            "quorum.device.net.tls, maybe, on, off or required",
            "quorum.device.net.tie_breaker, 0, range 1-4294967295",
            "quorum.device.net.force_ip_version, 5, 0, 4 or 6",
            "quorum.device.net.keep_active_partition_tie_breaker, perhaps, on/yes/1",
            "quorum.device.timeout, 0, range 1-4294967295",
            "quorum.device.heuristics.mode, always, on, off or sync",
            "totem.config_version, -1, range 0-",
            "nodelist.node.1.nodeid, x2, not a number",
            "nodelist.node.1.datacenterid, -3, range 0-4294967295"})
    void rejectsBadValuesNamingTheKey(String key, String value, String problem) {
        assertThatThrownBy(() -> parse(ConfigFixtures.with(key, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void derivesAMissingNodeIdFromAnIpv4Ring0Address() {
        Map<String, String> m = ConfigFixtures.twoNodeNet();
        m.remove("nodelist.node.1.nodeid");
        m.put("nodelist.node.1.ring0_addr", "198.18.1.2");
        assertThat(parse(ConfigSnapshot.of(m)).nodes().get(1).nodeId()).isEqualTo(0xC6120102L);

        m.put("totem.clear_node_high_bit", "yes");
        assertThat(parse(ConfigSnapshot.of(m)).nodes().get(1).nodeId()).isEqualTo(0x46120102L);

        m.put("nodelist.node.1.ring0_addr", "c1n2.example");
        assertThatThrownBy(() -> parse(ConfigSnapshot.of(m)))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("nodelist.node.1.nodeid"))
                .hasMessageContaining("not an IPv4 address");
    }

    @Test
    void dropsDuplicateNodeIdsAndEntriesWithoutAddressOrName() {
        Map<String, String> m = ConfigFixtures.twoNodeNet();
        m.put("nodelist.node.2.name", "again");
        m.put("nodelist.node.2.nodeid", "2");
        m.put("nodelist.node.3.nodeid", "9");
        assertThat(parse(ConfigSnapshot.of(m)).nodes()).extracting(ConfiguredNode::nodeId).containsExactly(1L, 2L);
    }

    @Test
    void anEmptyNodeListIsAnError() {
        Map<String, String> m = ConfigFixtures.twoNodeNet();
        m.keySet().removeIf(k -> k.startsWith("nodelist."));
        assertThatThrownBy(() -> parse(ConfigSnapshot.of(m)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("nodelist.node"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quorum.device.net.algorithm | paxos | Unknown decision algorithm paxos",
            "quorum.device.net.algorithm | FFSPLIT | Unknown decision algorithm FFSPLIT",
            "quorum.device.net.connect_timeout | 999 | connect_timeout must be valid number in range <1000,120000>",
            "quorum.device.heuristics.timeout | 100 | heuristics.timeout must be valid number in range <1000,120000>",
            "quorum.device.heuristics.sync_timeout | 120001 | "
                    + "heuristics.sync_timeout must be valid number in range <1000,120000>",
            "quorum.device.heuristics.interval | 5000000 | "
                    + "heuristics.interval must be valid number in range <1000,3600000>",
            "quorum.device.heuristics.interval | 1s | heuristics.interval must be valid number in range <1000,3600000>"})
    void boundsFailWithTheCDaemonsWords(String key, String value, String cMessage) {
        assertThatThrownBy(() -> parse(ConfigFixtures.with(key, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.isCText()).isTrue();
                })
                .hasMessage(cMessage);
    }

    @Test
    void tooManyHeuristicsCommandsDisableHeuristicsWithTheCWarning() {
        Map<String, String> m = ConfigFixtures.twoNodeNet();
        m.put("quorum.device.heuristics.mode", "on");
        for (int i = 0; i < 33; i++) {
            m.put("quorum.device.heuristics.exec_c" + i, "/bin/true");
        }
        List<String> warnings = new ArrayList<>();
        java.util.function.Consumer<ConfigNotice> notices = n -> warnings.add(n.level() + " " + n.message());
        HeuristicsSettings h = QdeviceConfigParser.parse(ConfigSnapshot.of(m), ConfigLimits.DEFAULTS, notices)
                .device().heuristics();
        assertThat(h.enabled()).isFalse();
        assertThat(h.mode()).isEqualTo(HeuristicsMode.OFF);
        assertThat(warnings).containsExactly("ERROR Too much (33) heuristics execs defined (max is 32). Disabling heuristics.");

        m.put("quorum.device.heuristics.mode", "off"); // C only counts the commands when heuristics are on
        warnings.clear();
        QdeviceConfigParser.parse(ConfigSnapshot.of(m), ConfigLimits.DEFAULTS, notices);
        assertThat(warnings).isEmpty();
    }

    @Test
    void theTestAlgorithmIsRefusedUnlessEnabled() {
        ConfigSnapshot test = ConfigFixtures.with("quorum.device.net.algorithm", "test");
        assertThatThrownBy(() -> parse(test))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("quorum.device.net.algorithm"))
                .hasMessage("Test algorithm is not enabled. You can force enable it by passing "
                        + "-S net_test_algorithm_enabled=on to corosync-qdevice command");

        ConfigLimits enabled = limits("net_test_algorithm_enabled=on");
        assertThat(QdeviceConfigParser.parse(test, enabled).device().net().orElseThrow().algorithm())
                .isEqualTo(DecisionAlgorithm.TEST);
    }

    @Test
    void theDashSBoundsReachTheParser() {
        ConfigLimits l = limits("net_heartbeat_interval_min=500,net_heartbeat_interval_max=2000,"
                + "net_min_connect_timeout=100,net_max_connect_timeout=900,heuristics_min_timeout=250,"
                + "heuristics_max_timeout=300,heuristics_min_interval=400,heuristics_max_interval=500,"
                + "heuristics_max_execs=1");
        assertThat(l).isEqualTo(new ConfigLimits(500, 2000, 100, 900, 250, 300, 400, 500, 1, false));

        List<String> warnings = new ArrayList<>();
        java.util.function.Consumer<ConfigNotice> notices = n -> warnings.add(n.level() + " " + n.message());
        // timeout 10000 -> heartbeat 8000, above the -S maximum of 2000
        NetSettings n = QdeviceConfigParser.parse(ConfigFixtures.with("quorum.device.timeout", "10000"), l,
                notices).device().net().orElseThrow();
        assertThat(n.heartbeatIntervalMs()).isEqualTo(2000);
        assertThat(warnings).containsExactly("WARNING Heartbeat interval too big 8000. Adjusting to 2000.");
        // timeout 500 -> heartbeat 400, below the -S minimum of 500
        warnings.clear();
        assertThat(QdeviceConfigParser.parse(ConfigFixtures.with("quorum.device.timeout", "500"), l, notices)
                .device().net().orElseThrow().heartbeatIntervalMs()).isEqualTo(500);
        assertThat(warnings).containsExactly("WARNING Heartbeat interval too small 400. Adjusting to 500.");

        assertThat(QdeviceConfigParser.parse(ConfigFixtures.with("quorum.device.net.connect_timeout", "900"), l)
                .device().net().orElseThrow().connectTimeoutMs()).isEqualTo(900);
        assertThatThrownBy(() -> QdeviceConfigParser.parse(ConfigFixtures.with("quorum.device.net.connect_timeout",
                "1000"), l)).hasMessage("connect_timeout must be valid number in range <100,900>");
        assertThatThrownBy(() -> QdeviceConfigParser.parse(ConfigFixtures.with("quorum.device.heuristics.timeout",
                "301"), l)).hasMessage("heuristics.timeout must be valid number in range <250,300>");
        assertThatThrownBy(() -> QdeviceConfigParser.parse(ConfigFixtures.with("quorum.device.heuristics.interval",
                "399"), l)).hasMessage("heuristics.interval must be valid number in range <400,500>");
        Map<String, String> two = ConfigFixtures.twoNodeNet();
        two.put("quorum.device.heuristics.mode", "sync");
        two.put("quorum.device.heuristics.exec_a", "/bin/true");
        two.put("quorum.device.heuristics.exec_b", "/bin/true");
        assertThat(QdeviceConfigParser.parse(ConfigSnapshot.of(two), l).device().heuristics().enabled()).isFalse();
        assertThat(parse(ConfigSnapshot.of(two)).device().heuristics().enabled()).isTrue();
    }

    @Test
    void aMinimumAboveItsMaximumEndsTheHeartbeatAtTheMaximumAsInC() {
        ConfigLimits l = limits("net_heartbeat_interval_min=5000,net_heartbeat_interval_max=3000");
        List<String> warnings = new ArrayList<>();
        java.util.function.Consumer<ConfigNotice> notices = n -> warnings.add(n.level() + " " + n.message());
        assertThat(QdeviceConfigParser.parse(ConfigFixtures.with("quorum.device.timeout", "1000"), l, notices)
                .device().net().orElseThrow().heartbeatIntervalMs()).isEqualTo(3000);
        assertThat(warnings).containsExactly("WARNING Heartbeat interval too small 800. Adjusting to 5000.",
                "WARNING Heartbeat interval too big 5000. Adjusting to 3000.");
    }

    private static ConfigLimits limits(String dashS) {
        QdeviceCommandLine.Outcome o = QdeviceCommandLine.parse(new String[] {"-S", dashS}, QdeviceSettings.defaults());
        assertThat(o).isInstanceOf(QdeviceCommandLine.Run.class);
        return ConfigLimits.from(((QdeviceCommandLine.Run) o).settings().values());
    }

    @Test
    void waitForAllIsReadAsANumber() {
        assertThat(parse(ConfigFixtures.with("quorum.wait_for_all", "1")).waitForAll()).isTrue();
    }
}
