package org.quorate.votequorum.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What corosync-quorumtool prints in its Name column: the nodelist {@code name} of a node, or its addresses
 * ({@code ringX_addr}, in link order), resolved to a name unless {@code -i} asks for them numerically.
 *
 * @param nodelistNames node id to {@code nodelist.node.N.name}
 * @param addresses node id to its addresses, numeric, in link order
 * @param reverseLookup address to name ({@code getnameinfo}); identity when there is no resolver
 */
public record NodeNames(Map<Long, String> nodelistNames, Map<Long, List<String>> addresses,
        UnaryOperator<String> reverseLookup) {
    private static final Pattern KEY = Pattern.compile("nodelist\\.node\\.(\\d+)\\.(nodeid|name|ring(\\d+)_addr)");

    public NodeNames {
        nodelistNames = Map.copyOf(nodelistNames);
        addresses = Map.copyOf(addresses);
    }

    /** Names and addresses from the flattened nodelist keys, with no reverse lookup. */
    public static NodeNames fromCmap(Map<String, String> cmap) {
        Map<Long, Long> idByPos = new TreeMap<>();
        Map<Long, String> nameByPos = new TreeMap<>();
        Map<Long, TreeMap<Integer, String>> addrsByPos = new TreeMap<>();
        for (Map.Entry<String, String> e : cmap.entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            long pos = Long.parseLong(m.group(1));
            if (m.group(2).equals("nodeid")) {
                idByPos.put(pos, Long.parseLong(e.getValue().trim()));
            } else if (m.group(2).equals("name")) {
                nameByPos.put(pos, e.getValue());
            } else {
                addrsByPos.computeIfAbsent(pos, p -> new TreeMap<>()).put(Integer.parseInt(m.group(3)), e.getValue());
            }
        }
        Map<Long, String> names = new TreeMap<>();
        Map<Long, List<String>> addrs = new TreeMap<>();
        idByPos.forEach((pos, id) -> {
            if (nameByPos.containsKey(pos)) {
                names.put(id, nameByPos.get(pos));
            }
            addrs.put(id, new ArrayList<>(addrsByPos.getOrDefault(pos, new TreeMap<>()).values()));
        });
        return new NodeNames(names, addrs, UnaryOperator.identity());
    }

    /** corosync-quorumtool's {@code node_name()}. */
    public String of(long nodeId, boolean numeric, boolean allAddresses) {
        StringBuilder sb = new StringBuilder();
        int start = 0;
        String name = numeric ? null : nodelistNames.get(nodeId);
        if (name != null && !name.isEmpty()) {
            sb.append(name);
            start = 1;
        }
        List<String> addrs = addresses.getOrDefault(nodeId, List.of());
        int count = allAddresses ? addrs.size() : Math.min(1, addrs.size());
        for (int i = start; i < count; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(numeric ? addrs.get(i) : reverseLookup.apply(addrs.get(i)));
        }
        return sb.toString();
    }
}
