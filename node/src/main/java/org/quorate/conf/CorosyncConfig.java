package org.quorate.conf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The typed views of one corosync.conf (totem with its derived timers, links, nodelist, quorum, logging),
 * validated as {@code corosync -t} validates them (exec/totemconfig.c {@code totem_config_read} and
 * {@code totem_config_validate} of 3.1.7), with corosync's wording. Not checked here: whether the local
 * node is in the nodelist (that needs the host's names and addresses) and votequorum's own start-up checks.
 */
public record CorosyncConfig(TotemConfig totem, TotemTimers timers, SortedMap<Integer, LinkConfig> links,
                             List<NodeConfig> nodes, QuorumConfig quorum, LoggingConfig logging,
                             SortedMap<String, String> otherKeys) {
    static final int MAX_LINKS = 8;
    static final long KNET_MAX_HOST = 65536;
    static final int MINIMUM_TIMEOUT = 30;
    static final int MINIMUM_TIMEOUT_HOLD = 14;

    /**
     * The views of {@code doc}.
     *
     * @throws ConfException the first problem corosync would refuse the file for, naming file, line and key
     */
    public static CorosyncConfig of(ConfDocument doc) {
        Check check = new Check(doc);
        TotemConfig totem = TotemConfig.of(doc);
        String transport = totem.transportName();
        if (!List.of("knet", "udpu", "udp").contains(transport)) {
            check.fail("totem.transport", "Invalid transport type. Should be udpu, udp or knet");
        }
        boolean knet = totem.transport() == TotemConfig.Transport.KNET;
        List<NodeConfig> nodes = new ArrayList<>(NodeConfig.all(doc).values());
        for (NodeConfig n : nodes) {
            for (int link : n.ringAddresses().keySet()) {
                if (link >= MAX_LINKS) {
                    check.failAt(n.line(), "nodelist.node." + n.position() + ".ring" + link + "_addr",
                        "parse error in config: interface ring number " + link + " is bigger than allowed maximum 7");
                }
            }
            if (knet && n.ringAddresses().containsKey(0)) {
                String addr = n.ringAddresses().get(0);
                if (n.nodeId().isEmpty() || n.nodeId().getAsLong() == 0) {
                    check.failAt(n.line(), "nodelist.node." + n.position() + ".nodeid",
                        "Knet requires an explicit nodeid to be specified for address '" + addr + "'.");
                }
                if (n.nodeId().getAsLong() >= KNET_MAX_HOST) {
                    check.failAt(n.line(), "nodelist.node." + n.position() + ".nodeid",
                        "Knet requires nodeid to be less than " + KNET_MAX_HOST + " for address '" + addr + "'.");
                }
            }
        }
        TreeSet<Integer> configuredLinks = configuredLinks(doc, nodes, totem);
        if (configuredLinks.isEmpty()) {
            check.fail("totem", "parse error in config: No interfaces defined");
        }
        if (nodes.isEmpty()) {
            // find_local_node only searches the nodelist, and totem_config_validate requires its result
            check.fail("nodelist", "parse error in config: No valid name found for local host");
        }
        int linkZeroMembers = (int) nodes.stream().filter(n -> n.ringAddresses().containsKey(0)).count();
        TotemTimers timers = TotemTimers.of(totem, linkZeroMembers);
        boolean broadcast = "yes".equals(doc.cmap().get("totem.interface.0.broadcast"));
        SortedMap<Integer, LinkConfig> links = new TreeMap<>();
        for (int l : configuredLinks) {
            LinkConfig link = LinkConfig.of(doc, l, timers, broadcast);
            String p = "totem.interface." + l + ".";
            if (totem.transport() == TotemConfig.Transport.UDP && doc.entry(p + "mcastaddr") == null
                && totem.clusterName() == null) {
                // without mcastaddr, udp derives one from cluster_name (totemconfig.c get_cluster_mcast_addr)
                check.fail("totem.interface", "parse error in config: No multicast address specified for interface " + l);
            }
            if (totem.transport() != TotemConfig.Transport.UDP && link.ttl() != 1) {
                check.fail(p + "ttl", "parse error in config: Can only set ttl on multicast transport types for interface " + l);
            }
            if (!knet && doc.entry(p + "knet_link_priority") != null && link.priority() != 1) {
                check.fail(p + "knet_link_priority",
                    "parse error in config: Can only set link priority on knet transport type for interface " + l);
            }
            if (knet && !List.of("udp", "sctp").contains(link.knetTransport())) {
                check.fail(p + "knet_transport", "Unrecognised knet_transport. expected 'udp' or 'sctp'");
            }
            links.put(l, link);
        }
        if (totem.get(TotemKey.VERSION) != 2) {
            check.fail("totem.version", "parse error in config: This totem parser can only parse version 2 configurations.");
        }
        checkTimers(check, totem, timers);
        if (configuredLinks.size() > 1) {
            for (NodeConfig n : nodes.subList(0, Math.min(nodes.size(), linkZeroMembers))) {
                if (n.name().isEmpty()) {
                    check.failAt(n.line(), "nodelist.node." + n.position() + ".name",
                        "parse error in config: for a multi-link configuration, all nodes must have a 'name' attribute");
                }
            }
            for (int l : configuredLinks) {
                long members = nodes.stream().filter(n -> n.ringAddresses().containsKey(l)).count();
                if (members != linkZeroMembers) {
                    check.fail("nodelist", "parse error in config: Not all nodes have the same number of links");
                }
            }
        }
        Map<Long, NodeConfig> seen = new HashMap<>();
        for (NodeConfig n : nodes) {
            if (n.nodeId().isPresent() && n.nodeId().getAsLong() != 0 && seen.putIfAbsent(n.nodeId().getAsLong(), n) != null) {
                check.failAt(n.line(), "nodelist.node." + n.position() + ".nodeid",
                    "Nodeid " + n.nodeId().getAsLong() + " appears twice in corosync.conf");
            }
        }
        if (!List.of("active", "passive", "rr").contains(totem.linkMode())) {
            check.fail("totem.link_mode", "parse error in config: The Knet link mode \"" + totem.linkMode()
                + "\" specified is invalid.  It must be active, passive or rr.");
        }
        if (!knet && configuredLinks.size() > 1) {
            check.fail("totem.interface", "parse error in config: " + configuredLinks.size()
                + " is too many configured interfaces for non-Knet transport.");
        }
        if (!knet && (!totem.cryptoCipher().equals("none") || !totem.cryptoHash().equals("none"))) {
            check.fail("totem.crypto_cipher",
                "parse error in config: crypto_cipher & crypto_hash are only valid for the Knet transport.");
        }
        if (!totem.cryptoCipher().equals("none") && totem.cryptoHash().equals("none")) {
            check.fail("totem.crypto_cipher", "crypto_cipher requires crypto_hash with value other than none");
        }
        SortedMap<String, String> other = new TreeMap<>();
        doc.cmap().forEach((k, v) -> {
            if (!k.startsWith("totem.") && !k.startsWith("nodelist.") && !k.startsWith("quorum.") && !k.startsWith("logging.")) {
                other.put(k, v);
            }
        });
        return new CorosyncConfig(totem, timers, links, List.copyOf(nodes), QuorumConfig.of(doc), LoggingConfig.of(doc),
            other);
    }

    /** Links that exist: for a nodelist, every ring<N>_addr any node has; otherwise the interface sections. */
    private static TreeSet<Integer> configuredLinks(ConfDocument doc, List<NodeConfig> nodes, TotemConfig totem) {
        TreeSet<Integer> links = new TreeSet<>();
        nodes.forEach(n -> links.addAll(n.ringAddresses().keySet()));
        if (links.isEmpty() || totem.transport() == TotemConfig.Transport.UDP) {
            for (String k : doc.cmap().keySet()) {
                var m = java.util.regex.Pattern.compile("totem\\.interface\\.(\\d+)\\.bindnetaddr").matcher(k);
                if (m.matches()) {
                    links.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return links;
    }

    private static void checkTimers(Check check, TotemConfig totem, TotemTimers t) {
        check.atLeast("totem.max_network_delay", "max_network_delay parameter", t.maxNetworkDelay(), MINIMUM_TIMEOUT);
        check.atLeast("totem.token", "token timeout parameter", t.tokenEff(), MINIMUM_TIMEOUT);
        if (totem.get(TotemKey.TOKEN_WARNING) > 100) {
            check.fail("totem.token_warning", "parse error in config: The token warning parameter ("
                + totem.get(TotemKey.TOKEN_WARNING) + "%) must be between 0 (disabled) and 100.");
        }
        if (t.tokenRetransmit() < MINIMUM_TIMEOUT) {
            if (totem.configured(TotemKey.TOKEN_RETRANSMIT)) {
                check.atLeast("totem.token_retransmit", "token retransmit timeout parameter", t.tokenRetransmit(), MINIMUM_TIMEOUT);
            }
            check.fail("totem.token", "parse error in config: Not appropriate token or token_retransmits_before_loss_const value set");
        }
        check.atLeast("totem.hold", "token hold timeout parameter", t.hold(), MINIMUM_TIMEOUT_HOLD);
        check.atLeast("totem.join", "join timeout parameter", t.join(), MINIMUM_TIMEOUT);
        check.atLeast("totem.consensus", "consensus timeout parameter", t.consensus(), MINIMUM_TIMEOUT);
        if (t.consensus() < t.join()) {
            check.fail("totem.consensus", "parse error in config: The consensus timeout parameter (" + t.consensus()
                + " ms) may not be less than join timeout (" + t.join() + " ms).");
        }
        check.atLeast("totem.merge", "merge timeout parameter", t.merge(), MINIMUM_TIMEOUT);
        check.atLeast("totem.downcheck", "downcheck timeout parameter", t.downcheck(), MINIMUM_TIMEOUT);
    }

    /** Raises the refusal with the line of the key concerned (or of its section, or none). */
    private static final class Check {
        private final ConfDocument doc;

        Check(ConfDocument doc) {
            this.doc = doc;
        }

        void atLeast(String key, String what, long value, long min) {
            if (value < min) {
                fail(key, "parse error in config: The " + what + " (" + value + " ms) may not be less than (" + min + " ms).");
            }
        }

        void fail(String key, String reason) {
            CmapEntry e = doc.entry(key);
            int line = e != null ? e.line() : sectionLine(key);
            failAt(line, key, reason);
        }

        void failAt(int line, String key, String reason) {
            throw new ConfException(ConfException.Stage.VALIDATION, doc.fileName(), line, key, reason);
        }

        private int sectionLine(String key) {
            String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            return doc.root().section(top).map(ConfSection::line).orElse(0);
        }
    }
}
