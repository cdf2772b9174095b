package org.quorate.qdevice.backend;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quorate.cluster.cmap.CmapKeys;

/**
 * Reads the configured node list from {@code nodelist.node.<N>.*} keys (qnet spec §5, "config
 * list"). A node id missing from the config is derived from an IPv4 {@code ring0_addr}, as
 * corosync does for the old udp transports.
 */
final class NodeListParser {
    private static final Pattern NODE_KEY = Pattern.compile("nodelist\\.node\\.(\\d+)\\.([^.]+)");

    private NodeListParser() {
    }

    static List<ConfiguredNode> parse(ConfigSnapshot keys) {
        Map<Integer, Map<String, String>> entries = new TreeMap<>();
        for (Map.Entry<String, String> e : keys.withPrefix(CmapKeys.NODELIST_NODE).entrySet()) {
            Matcher m = NODE_KEY.matcher(e.getKey());
            if (m.matches()) {
                entries.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new HashMap<>()).put(m.group(2), e.getValue());
            }
        }
        boolean clearHighBit = keys.get(CmapKeys.TOTEM_CLEAR_NODE_HIGH_BIT).map("yes"::equalsIgnoreCase).orElse(false);
        List<ConfiguredNode> nodes = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Map.Entry<Integer, Map<String, String>> e : entries.entrySet()) {
            Map<String, String> attrs = e.getValue();
            Optional<String> name = Optional.ofNullable(attrs.get("name"));
            Optional<String> ring0 = Optional.ofNullable(attrs.get("ring0_addr"));
            if (name.isEmpty() && ring0.isEmpty()) {
                continue;
            }
            String prefix = CmapKeys.NODELIST_NODE + e.getKey() + ".";
            long id = attrs.containsKey("nodeid")
                    ? QdeviceConfigParser.nodeId(prefix + "nodeid", attrs.get("nodeid"))
                    : idFromAddress(prefix, ring0, clearHighBit);
            long dc = attrs.containsKey("datacenterid")
                    ? QdeviceConfigParser.unsigned(prefix + "datacenterid", attrs.get("datacenterid"), 0xFFFF_FFFFL)
                    : 0;
            // Duplicates are dropped, as the C daemon does; the first entry wins.
            if (seen.add(id)) {
                nodes.add(new ConfiguredNode(id, dc, name, ring0));
            }
        }
        if (nodes.isEmpty()) {
            throw new ConfigException("nodelist.node", "no node with a name or ring0_addr is configured");
        }
        return nodes;
    }

    private static long idFromAddress(String prefix, Optional<String> ring0, boolean clearHighBit) {
        String key = prefix + "nodeid";
        String addr = ring0.orElseThrow(() -> new ConfigException(key, "missing and no ring0_addr to derive it from"));
        if (!addr.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new ConfigException(key, "missing and ring0_addr '" + addr + "' is not an IPv4 address");
        }
        byte[] b;
        try {
            b = InetAddress.getByName(addr).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new ConfigException(prefix + "ring0_addr", "not an IPv4 address: '" + addr + "'");
        }
        long id = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        if (clearHighBit) {
            id &= 0x7FFF_FFFFL;
        }
        if (id == 0) {
            throw new ConfigException(key, "missing and ring0_addr " + addr + " gives node id 0");
        }
        return id;
    }
}
