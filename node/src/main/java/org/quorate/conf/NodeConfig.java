package org.quorate.conf;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code nodelist.node} entry: its position (cmap's N), node id (absent for udp/udpu auto ids), name,
 * votes (1 when absent) and ring addresses by link number. {@code line} is the line of its node id (or of
 * its first key), for messages.
 */
public record NodeConfig(int position, OptionalLong nodeId, Optional<String> name, long votes,
                         SortedMap<Integer, String> ringAddresses, int line) {
    private static final Pattern KEY = Pattern.compile("nodelist\\.node\\.(\\d+)\\.(.+)");
    private static final Pattern RING = Pattern.compile("ring(\\d+)_addr");

    /** The nodes of {@code doc} in cmap order (position). */
    static SortedMap<Integer, NodeConfig> all(ConfDocument doc) {
        SortedMap<Integer, Map<String, CmapEntry>> byNode = new TreeMap<>();
        for (CmapEntry e : doc.cmapEntries().values()) {
            Matcher m = KEY.matcher(e.key());
            if (m.matches()) {
                byNode.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>()).put(m.group(2), e);
            }
        }
        SortedMap<Integer, NodeConfig> out = new TreeMap<>();
        byNode.forEach((pos, keys) -> {
            SortedMap<Integer, String> rings = new TreeMap<>();
            int line = Integer.MAX_VALUE;
            for (Map.Entry<String, CmapEntry> k : keys.entrySet()) {
                Matcher r = RING.matcher(k.getKey());
                if (r.matches() && r.group(1).length() < 4) {
                    rings.put(Integer.parseInt(r.group(1)), k.getValue().value());
                }
                line = Math.min(line, k.getValue().line());
            }
            CmapEntry id = keys.get("nodeid");
            CmapEntry votes = keys.get("quorum_votes");
            CmapEntry name = keys.get("name");
            out.put(pos, new NodeConfig(pos, id == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(id.value())),
                Optional.ofNullable(name).map(CmapEntry::value), votes == null ? 1 : Long.parseLong(votes.value()),
                rings, id != null ? id.line() : line));
        });
        return out;
    }

    /** The name tools show: name, else ring0_addr (corosync-quorumtool's fallback). */
    public String displayName() {
        return name.orElseGet(() -> ringAddresses.getOrDefault(0, ""));
    }
}
