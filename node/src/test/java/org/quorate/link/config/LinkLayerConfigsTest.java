package org.quorate.link.config;

import org.junit.jupiter.api.Test;
import org.quorate.conf.ConfException;
import org.quorate.conf.ConfParser;
import org.quorate.conf.CorosyncConfig;
import org.quorate.config.Settings;
import org.quorate.link.LinkPolicy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkLayerConfigsTest {
    private static final Settings DEFAULTS = LinkSettingKeys.defaults();

    /** Three nodes on two links (lab cluster 62), {@code extraTotem} and {@code extraNode3} spliced in. */
    static String conf(String extraTotem, String node3ring1) {
        return """
                totem {
                  version: 2
                  cluster_name: lab62
                  %s
                  interface {
                    linknumber: 0
                    knet_link_priority: 20
                  }
                  interface {
                    linknumber: 1
                    knet_link_priority: 10
                  }
                }
                nodelist {
                  node {
                    name: alpha
                    nodeid: 1
                    ring0_addr: 198.18.62.1
                    ring1_addr: 198.19.62.1
                  }
                  node {
                    name: beta
                    nodeid: 2
                    ring0_addr: 198.18.62.2
                    ring1_addr: 198.19.62.2
                  }
                  node {
                    name: gamma
                    nodeid: 3
                    ring0_addr: 198.18.62.3
                    ring1_addr: %s
                  }
                }
                quorum {
                  provider: corosync_votequorum
                }
                """.formatted(extraTotem, node3ring1);
    }

    static CorosyncConfig parse(String text) {
        return CorosyncConfig.of(ConfParser.parse("/etc/corosync/corosync.conf", text));
    }

    static LinkLayerConfig map(String text, int local) {
        return LinkLayerConfigs.fromCorosync("/etc/corosync/corosync.conf", parse(text), local, null, DEFAULTS,
                AddressResolver.SYSTEM);
    }

    @Test
    void everyOtherNodeIsAHostWithOneLinkPerSharedRingAddressOnTheLinksPort() {
        LinkLayerConfig c = map(conf("", "198.19.62.3"), 1);
        assertThat(c.localHostId()).isEqualTo(1);
        assertThat(c.localName()).isEqualTo("alpha");
        assertThat(c.policy()).isEqualTo(LinkPolicy.PASSIVE);
        assertThat(c.hosts()).extracting(HostLinks::hostId).containsExactly(2, 3);
        assertThat(c.hosts()).extracting(HostLinks::name).containsExactly("beta", "gamma");
        HostLinks beta = c.hosts().get(0);
        assertThat(beta.links()).hasSize(2);
        LinkSpec l0 = beta.links().get(0);
        LinkSpec l1 = beta.links().get(1);
        assertThat(l0.linkId()).isZero();
        assertThat(l0.local()).isEqualTo(new InetSocketAddress("198.18.62.1", 5405));
        assertThat(l0.remote()).isEqualTo(new InetSocketAddress("198.18.62.2", 5405));
        assertThat(l1.local()).isEqualTo(new InetSocketAddress("198.19.62.1", 5406));
        assertThat(l1.remote()).isEqualTo(new InetSocketAddress("198.19.62.2", 5406));
        assertThat(l0.priority()).isEqualTo(20);
        assertThat(l1.priority()).isEqualTo(10);
        // spec §1.5: 3 nodes, token 3000, coefficient 650 -> token_eff 3650, timeout 1825, interval 912
        assertThat(l0.pongTimeout()).isEqualTo(Duration.ofMillis(1825));
        assertThat(l0.pingInterval()).isEqualTo(Duration.ofMillis(912));
        assertThat(l0.pongCount()).isEqualTo(2);
        assertThat(l0.pingPrecision()).isEqualTo(2048);
        assertThat(c.tuning().pmtu().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.tuning().pmtu().fixedMtu()).isZero();
    }

    @Test
    void theLocalNodeIsNeverAHostAndTheSameMappingHoldsFromEveryNode() {
        LinkLayerConfig c3 = map(conf("", "198.19.62.3"), 3);
        assertThat(c3.hosts()).extracting(HostLinks::hostId).containsExactly(1, 2);
        assertThat(c3.hosts().get(0).links().get(1).local()).isEqualTo(new InetSocketAddress("198.19.62.3", 5406));
        assertThat(c3.hosts().get(0).links().get(1).remote()).isEqualTo(new InetSocketAddress("198.19.62.1", 5406));
    }

    @Test
    void mcastportLinkModeTimingsAndPmtudComeFromTheTotemSection() {
        String totem = """
                link_mode: active
                  token: 1000
                  knet_pmtud_interval: 10
                  knet_mtu: 1400
                """;
        String text = conf(totem, "198.19.62.3").replace("knet_link_priority: 10", "knet_link_priority: 10\n    mcastport: 6000\n    knet_ping_interval: 100\n    knet_ping_timeout: 300\n    knet_pong_count: 3");
        LinkLayerConfig c = map(text, 2);
        assertThat(c.policy()).isEqualTo(LinkPolicy.ACTIVE);
        LinkSpec l1 = c.hosts().get(0).links().get(1);
        assertThat(l1.local().getPort()).isEqualTo(6000);
        assertThat(l1.remote().getPort()).isEqualTo(6000);
        assertThat(l1.pingInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(l1.pongTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(l1.pongCount()).isEqualTo(3);
        // link 0 keeps the derived ones: token 1000 + 650 -> 1650 / 2
        assertThat(c.hosts().get(0).links().get(0).pongTimeout()).isEqualTo(Duration.ofMillis(825));
        assertThat(c.tuning().pmtu().interval()).isEqualTo(Duration.ofSeconds(10));
        // link 1 pings every 100 ms: the tick halves it, so failover stays within two ping intervals
        assertThat(c.tuning().heartbeat().tick()).isEqualTo(Duration.ofMillis(50));
        // corosync's derived timings keep knet's 200 ms tick (link 0 alone: 1650 / 4 = 412 ms pings)
        assertThat(map(conf(totem, "198.19.62.3"), 2).tuning().heartbeat().tick()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.tuning().pmtu().fixedMtu()).isEqualTo(1400);
        // a pmtud_interval given as a setting wins over corosync.conf's
        Settings s = LinkSettingKeys.SCHEMA.newSettings().set(LinkSettingKeys.PMTUD_INTERVAL, Duration.ofSeconds(5)).buildOrThrow();
        LinkLayerConfig overridden = LinkLayerConfigs.fromCorosync("f", parse(text), 2, null, s, AddressResolver.SYSTEM);
        assertThat(overridden.tuning().pmtu().interval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRingAddressThatIsNoAddressIsNamedByItsKey() {
        AddressResolver none = host -> {
            if (host.startsWith("198.")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        };
        assertThatThrownBy(() -> LinkLayerConfigs.fromCorosync("/etc/corosync/corosync.conf",
                parse(conf("", "no-such-host")), 1, null, DEFAULTS, none))
                .isInstanceOf(ConfException.class)
                .hasMessageStartingWith("/etc/corosync/corosync.conf:")
                .hasMessageContaining("nodelist.node.2.ring1_addr")
                .hasMessageContaining("'no-such-host' is not an address");
    }

    @Test
    void hostNamesResolveAsTotemIpVersionSays() {
        AddressResolver lab = host -> switch (host) {
            case "gamma-l1" -> new InetAddress[]{InetAddress.getByName("2001:2::3"), InetAddress.getByName("198.19.62.3")};
            default -> InetAddress.getAllByName(host);
        };
        // ipv6-4 (knet's default) would take the IPv6 address and then refuse the mixed families
        assertThatThrownBy(() -> LinkLayerConfigs.fromCorosync("c", parse(conf("", "gamma-l1")), 1, null, DEFAULTS, lab))
                .hasMessageContaining("nodelist.node.2.ring1_addr")
                .hasMessageContaining("is IPv6 but this node's ring1_addr is IPv4");
        LinkLayerConfig v46 = LinkLayerConfigs.fromCorosync("c", parse(conf("ip_version: ipv4-6", "gamma-l1")), 1, null,
                DEFAULTS, lab);
        assertThat(v46.hosts().get(1).links().get(1).remote()).isEqualTo(new InetSocketAddress("198.19.62.3", 5406));
        assertThatThrownBy(() -> LinkLayerConfigs.fromCorosync("c", parse(conf("ip_version: ipv6", "gamma-l1")), 1, null,
                DEFAULTS, lab)).hasMessageContaining("nodelist.node.0.ring0_addr").hasMessageContaining("has no IPv6 address");
    }

    @Test
    void theSystemResolverResolvesLocalhostForAnIpv4Cluster() {
        String text = conf("ip_version: ipv4", "198.19.62.3").replace("198.18.62.1", "localhost");
        LinkLayerConfig c = map(text, 1);
        assertThat(c.hosts().get(0).links().get(0).local().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void ipv6RingAddressesMapToIpv6Links() {
        String text = conf("", "2001:2::3").replace("198.19.62.1", "2001:2::1").replace("198.19.62.2", "2001:2::2");
        LinkSpec l1 = map(text, 1).hosts().get(1).links().get(1);
        assertThat(l1.local()).isEqualTo(new InetSocketAddress("2001:2::1", 5406));
        assertThat(l1.remote()).isEqualTo(new InetSocketAddress("2001:2::3", 5406));
    }

    @Test
    void twoNodesWithOneAddressOnALinkAreRefused() {
        assertThatThrownBy(() -> map(conf("", "198.19.62.2"), 1))
                .hasMessageContaining("nodelist.node.2.ring1_addr")
                .hasMessageContaining("already the address of nodelist.node.1.ring1_addr");
        assertThatThrownBy(() -> map(conf("", "198.19.62.1"), 1))
                .hasMessageContaining("nodelist.node.2.ring1_addr")
                .hasMessageContaining("also the address of this node");
    }

    @Test
    void aLocalNodeIdOutsideTheNodelistIsRefusedListingTheIds() {
        assertThatThrownBy(() -> map(conf("", "198.19.62.3"), 7))
                .isInstanceOf(ConfException.class)
                .hasMessage("/etc/corosync/corosync.conf: node id 7 is not in the nodelist (its node ids: 1, 2, 3)");
    }

    @Test
    void sctpIsRefusedNamingTheKey() {
        String text = conf("", "198.19.62.3").replace("knet_link_priority: 10", "knet_link_priority: 10\n    knet_transport: sctp");
        assertThatThrownBy(() -> map(text, 1)).hasMessageContaining("totem.interface.1.knet_transport")
                .hasMessageContaining("udp only");
    }

    @Test
    void theTuningComesFromTheLinkSettings() throws Exception {
        Settings.Builder b = LinkSettingKeys.SCHEMA.newSettings();
        b.applyAll("aead=chacha20-poly1305,heartbeat_tick=100,max_queued_bytes_per_host=65536,reassembly_max_messages=4");
        LinkLayerConfig c = LinkLayerConfigs.fromCorosync("c", parse(conf("", "198.19.62.3")), 1, null, b.build(),
                AddressResolver.SYSTEM);
        assertThat(c.tuning().aead()).isEqualTo(LinkAead.CHACHA20_POLY1305);
        assertThat(c.tuning().heartbeat().tick()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.tuning().maxQueuedBytesPerHost()).isEqualTo(65536);
        assertThat(c.tuning().reassembly().maxMessages()).isEqualTo(4);
        assertThat(Map.of("k", c.tuning().reassembly().timeout())).containsEntry("k", Duration.ofSeconds(2));
    }

    @Test
    void theDocumentOverloadMapsCryptoAndReadsTheAuthkey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path key = dir.resolve("authkey");
        byte[] secret = new byte[256];
        new java.util.Random(62).nextBytes(secret);
        java.nio.file.Files.write(key, secret);
        var doc = ConfParser.parse("/etc/corosync/corosync.conf", conf("secauth: on", "198.19.62.3"));
        LinkLayerConfig c = LinkLayerConfigs.fromCorosync(doc, 1, key, DEFAULTS, AddressResolver.SYSTEM);
        assertThat(c.crypto().enabled()).isTrue();
        assertThat(c.crypto().suite()).isEqualTo(org.quorate.link.crypto.CipherSuite.AES_256_GCM);
        Settings chacha = LinkSettingKeys.SCHEMA.newSettings().set(LinkSettingKeys.AEAD, LinkAead.CHACHA20_POLY1305)
                .buildOrThrow();
        assertThat(LinkLayerConfigs.fromCorosync(doc, 1, key, chacha, AddressResolver.SYSTEM).crypto().suite())
                .isEqualTo(org.quorate.link.crypto.CipherSuite.CHACHA20_POLY1305);
        var clear = ConfParser.parse("c.conf", conf("crypto_cipher: none\n  crypto_hash: none", "198.19.62.3"));
        assertThat(LinkLayerConfigs.fromCorosync(clear, 1, dir.resolve("absent"), DEFAULTS, AddressResolver.SYSTEM)
                .crypto().enabled()).isFalse();
        assertThatThrownBy(() -> LinkLayerConfigs.fromCorosync(doc, 1, dir.resolve("absent"), DEFAULTS,
                AddressResolver.SYSTEM)).hasMessageContaining(dir.resolve("absent").toString());
        var unset = ConfParser.parse("/etc/corosync/corosync.conf", conf("", "198.19.62.3"));
        assertThatThrownBy(() -> LinkLayerConfigs.fromCorosync(unset, 1, key, DEFAULTS, AddressResolver.SYSTEM))
                .isInstanceOf(ConfException.class).hasMessageStartingWith("/etc/corosync/corosync.conf")
                .hasMessageContaining("no crypto configured");
    }
}
