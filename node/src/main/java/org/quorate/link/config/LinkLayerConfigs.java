package org.quorate.link.config;

import org.quorate.conf.CmapEntry;
import org.quorate.conf.ConfDocument;
import org.quorate.conf.ConfException;
import org.quorate.conf.ConfParser;
import org.quorate.conf.CorosyncConfig;
import org.quorate.conf.LinkConfig;
import org.quorate.conf.NodeConfig;
import org.quorate.conf.TotemKey;
import org.quorate.config.Settings;
import org.quorate.link.LinkPolicy;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.link.heartbeat.HeartbeatTuning;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * corosync.conf's nodelist and totem.interface sections as the link layer of one node, the way corosync 3.1.7
 * hands them to knet (exec/totemknet.c {@code totemknet_member_add}, exec/totemconfig.c): every nodelist node
 * but the local one is a host; it gets link L when both it and the local node have a {@code ring<L>_addr};
 * the local end is the local node's address, the remote end the peer's, both on the link's port
 * ({@code mcastport}, else 5405 + L); the timings are the ones {@link LinkConfig} already derived from the
 * token. Addresses resolve as corosync's {@code totemip_parse} does for {@code totem.ip_version}.
 */
public final class LinkLayerConfigs {
    private LinkLayerConfigs() {
    }

    /** {@link #fromCorosync(String, CorosyncConfig, int, CryptoConfig, Settings, AddressResolver)} with the system resolver. */
    public static LinkLayerConfig fromCorosync(CorosyncConfig conf, int localNodeId, CryptoConfig crypto,
                                               Settings linkSettings) {
        return fromCorosync("corosync.conf", conf, localNodeId, crypto, linkSettings, AddressResolver.SYSTEM);
    }

    /**
     * The link layer of this host from the corosync.conf {@code file}: parsed and validated as corosync does,
     * the local node {@code nodeId} or, when empty, the nodelist entry matching this host's name or addresses.
     *
     * @throws LinkConfigException naming the file (line and key where there is one) or the authkey
     */
    public static LinkLayerConfig fromCorosyncFile(Path file, OptionalInt nodeId, Path keyfile, Settings linkSettings) {
        try {
            ConfDocument doc = ConfParser.parse(file);
            int local = nodeId.isPresent() ? nodeId.getAsInt() : LocalNodeId.find(doc, CorosyncConfig.of(doc));
            return fromCorosync(doc, local, keyfile, linkSettings, AddressResolver.SYSTEM);
        } catch (ConfException e) {
            throw new LinkConfigException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new LinkConfigException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e instanceof LinkConfigException l ? l : new LinkConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The link layer of node {@code localNodeId} of the file {@code doc}, crypto included: totem.secauth,
     * crypto_cipher and crypto_hash map through {@link CryptoConfig#fromCorosync}, the authkey is
     * {@code keyfile} when given, else totem.keyfile; the {@code aead} setting may swap AES-GCM for
     * ChaCha20-Poly1305 (same key, same derivation).
     *
     * @throws ConfException naming the file, the line and the key of the first problem
     * @throws java.io.UncheckedIOException when the authkey cannot be read (naming the file)
     */
    public static LinkLayerConfig fromCorosync(ConfDocument doc, int localNodeId, Path keyfile, Settings linkSettings,
                                               AddressResolver resolver) {
        CorosyncConfig conf = CorosyncConfig.of(doc);
        Path key = keyfile != null ? keyfile : Path.of(conf.totem().keyfile());
        CryptoConfig crypto;
        try {
            crypto = CryptoConfig.fromCorosync(raw(doc, "totem.secauth"), raw(doc, "totem.crypto_cipher"),
                    raw(doc, "totem.crypto_hash"), CryptoConfig.KeySource.file(key));
        } catch (IllegalArgumentException e) {
            String k = e.getMessage().contains(":") ? e.getMessage().substring(0, e.getMessage().indexOf(':')) : "totem";
            CmapEntry entry = doc.entry(k);
            throw new ConfException(ConfException.Stage.VALIDATION, doc.fileName(), entry == null ? 0 : entry.line(),
                    null, e.getMessage());
        }
        if (linkSettings.get(LinkSettingKeys.AEAD) == LinkAead.CHACHA20_POLY1305 && crypto.suite().name().startsWith("AES_")) {
            crypto = CryptoConfig.chacha20Poly1305(crypto.key());
        }
        return fromCorosync(doc.fileName(), conf, localNodeId, crypto, linkSettings, resolver);
    }

    private static String raw(ConfDocument doc, String key) {
        CmapEntry e = doc.entry(key);
        return e == null ? null : e.value();
    }

    /**
     * The link layer of node {@code localNodeId}.
     *
     * @param fileName     named in errors (the document's file name)
     * @param linkSettings {@link LinkSettingKeys#SCHEMA} settings
     * @throws ConfException naming the file, the line and the key of the first problem
     */
    public static LinkLayerConfig fromCorosync(String fileName, CorosyncConfig conf, int localNodeId,
                                               CryptoConfig crypto, Settings linkSettings, AddressResolver resolver) {
        return new Mapping(fileName, conf, resolver).build(localNodeId, crypto, linkSettings);
    }

    /** One mapping run: the file name for errors and the addresses already resolved. */
    private static final class Mapping {
        private final String fileName;
        private final CorosyncConfig conf;
        private final AddressResolver resolver;
        private final String ipVersion;

        Mapping(String fileName, CorosyncConfig conf, AddressResolver resolver) {
            this.fileName = fileName;
            this.conf = conf;
            this.resolver = resolver;
            this.ipVersion = conf.totem().ipVersion();
        }

        LinkLayerConfig build(int localNodeId, CryptoConfig crypto, Settings settings) {
            NodeConfig local = conf.nodes().stream()
                    .filter(n -> n.nodeId().isPresent() && n.nodeId().getAsLong() == localNodeId)
                    .findFirst()
                    .orElseThrow(() -> fail(0, "nodelist", "node id " + localNodeId + " is not in the nodelist (its node ids: "
                            + String.join(", ", conf.nodes().stream().map(n -> n.nodeId().isPresent()
                            ? Long.toString(n.nodeId().getAsLong()) : "none").toList()) + ")"));
            Map<Integer, InetSocketAddress> localEnds = new HashMap<>();
            for (LinkConfig link : conf.links().values()) {
                String addr = local.ringAddresses().get(link.linkNumber());
                if (addr == null) {
                    continue; // this node is not on that link: no socket, no peer on it
                }
                if (!"udp".equals(link.knetTransport())) {
                    throw fail(0, "totem.interface." + link.linkNumber() + ".knet_transport", "knet_transport '"
                            + link.knetTransport() + "' is not supported by Quorate's link layer (udp only)");
                }
                localEnds.put(link.linkNumber(), new InetSocketAddress(resolve(local, link.linkNumber(), addr), link.port()));
            }
            if (localEnds.isEmpty()) {
                throw fail(local.line(), key(local, 0), "node " + localNodeId + " has no address on any configured link");
            }
            List<HostLinks> hosts = new ArrayList<>();
            Map<String, String> remoteOwners = new HashMap<>();
            for (NodeConfig peer : conf.nodes()) {
                if (peer == local) {
                    continue;
                }
                if (peer.nodeId().isEmpty()) {
                    throw fail(peer.line(), "nodelist.node." + peer.position() + ".nodeid",
                            "the link layer needs an explicit nodeid for every node");
                }
                int hostId = (int) peer.nodeId().getAsLong();
                List<LinkSpec> specs = new ArrayList<>();
                for (LinkConfig link : conf.links().values()) {
                    InetSocketAddress localEnd = localEnds.get(link.linkNumber());
                    String addr = peer.ringAddresses().get(link.linkNumber());
                    if (localEnd == null || addr == null) {
                        continue;
                    }
                    InetAddress remote = resolve(peer, link.linkNumber(), addr);
                    String k = key(peer, link.linkNumber());
                    if (remote.getClass() != localEnd.getAddress().getClass()) {
                        throw fail(peer.line(), k, "'" + addr + "' is " + family(remote) + " but this node's ring"
                                + link.linkNumber() + "_addr is " + family(localEnd.getAddress())
                                + ": the two ends of a link must be of one address family");
                    }
                    if (remote.equals(localEnd.getAddress())) {
                        throw fail(peer.line(), k, "'" + addr + "' is also the address of this node (" + key(local, link.linkNumber()) + ")");
                    }
                    String previous = remoteOwners.putIfAbsent(link.linkNumber() + "/" + remote.getHostAddress(), k);
                    if (previous != null) {
                        throw fail(peer.line(), k, "'" + addr + "' is already the address of " + previous
                                + ": packets could not be told apart by their source");
                    }
                    specs.add(new LinkSpec(link.linkNumber(), localEnd, new InetSocketAddress(remote, link.port()),
                            link.priority(), Duration.ofMillis(link.pingInterval()), Duration.ofMillis(link.pingTimeout()),
                            (int) Math.min(Integer.MAX_VALUE, link.pingPrecision()), (int) link.pongCount()));
                }
                if (specs.isEmpty()) {
                    throw fail(peer.line(), "nodelist.node." + peer.position(), "node " + hostId
                            + " shares no link with node " + localNodeId + " (no ring<L>_addr on a link both have)");
                }
                hosts.add(new HostLinks(hostId, peer.displayName(), specs));
            }
            LinkTuning tuning = LinkTuning.from(settings);
            Duration pmtudInterval = settings.isGiven(LinkSettingKeys.PMTUD_INTERVAL)
                    ? settings.get(LinkSettingKeys.PMTUD_INTERVAL)
                    : Duration.ofSeconds(conf.totem().get(TotemKey.KNET_PMTUD_INTERVAL));
            tuning = tuning.withPmtud(pmtudInterval, (int) conf.totem().get(TotemKey.KNET_MTU));
            if (!settings.isGiven(LinkSettingKeys.HEARTBEAT_TICK)) {
                tuning = tuning.withHeartbeat(tuning.heartbeat().withTick(tickFor(hosts)));
            }
            return new LinkLayerConfig(localNodeId, local.displayName(), LinkPolicy.fromConf(conf.totem().linkMode()),
                    crypto, hosts, tuning);
        }

        /**
         * knet's 200 ms tick, or half the smallest ping interval when that is shorter (at least 10 ms). A
         * fixed 200 ms tick cannot fail over within two ping intervals of 100 ms (measured 384-556 ms on real
         * sockets); at corosync's derived timings (ping interval 750 ms and up) the tick stays knet's.
         */
        static Duration tickFor(List<HostLinks> hosts) {
            Duration knet = HeartbeatTuning.DEFAULTS.tick();
            Duration tick = knet;
            for (HostLinks h : hosts) {
                for (LinkSpec l : h.links()) {
                    Duration half = l.pingInterval().dividedBy(2);
                    if (half.compareTo(tick) < 0) {
                        tick = half;
                    }
                }
            }
            Duration floor = Duration.ofMillis(10);
            return tick.compareTo(floor) < 0 ? floor : tick;
        }

        /** totemip_parse: ipv4 and ipv6 take only their family; ipv6-4 prefers IPv6, ipv4-6 IPv4. */
        private InetAddress resolve(NodeConfig node, int link, String text) {
            String k = key(node, link);
            InetAddress[] all;
            try {
                all = resolver.resolve(text);
            } catch (UnknownHostException e) {
                throw fail(node.line(), k, "'" + text + "' is not an address, and no host of that name was found");
            }
            InetAddress v4 = null;
            InetAddress v6 = null;
            for (InetAddress a : all) {
                if (a instanceof Inet4Address && v4 == null) {
                    v4 = a;
                }
                if (a instanceof Inet6Address && v6 == null) {
                    v6 = a;
                }
            }
            InetAddress chosen = switch (ipVersion) {
                case "ipv4" -> v4;
                case "ipv6" -> v6;
                case "ipv4-6" -> v4 != null ? v4 : v6;
                default -> v6 != null ? v6 : v4;
            };
            if (chosen == null) {
                throw fail(node.line(), k, "'" + text + "' has no " + ("ipv4".equals(ipVersion) ? "IPv4" : "IPv6")
                        + " address (totem.ip_version is " + ipVersion + ")");
            }
            return chosen;
        }

        private static String key(NodeConfig node, int link) {
            return "nodelist.node." + node.position() + ".ring" + link + "_addr";
        }

        private static String family(InetAddress a) {
            return a instanceof Inet6Address ? "IPv6" : "IPv4";
        }

        private ConfException fail(int line, String key, String reason) {
            return new ConfException(ConfException.Stage.VALIDATION, fileName, line, key, reason);
        }
    }
}
