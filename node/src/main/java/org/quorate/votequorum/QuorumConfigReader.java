package org.quorate.votequorum;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link QuorumConfig} from flattened cmap keys ({@code quorum.*}, {@code nodelist.node.N.*}) for one
 * node. Keys are read by name; a value that is not a number in the key's range is refused with corosync's
 * parser wording, naming the key.
 */
public final class QuorumConfigReader {
    private static final Pattern NODE_KEY = Pattern.compile("nodelist\\.node\\.(\\d+)\\.(.+)");
    private static final long U8_MAX = 255;
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private QuorumConfigReader() {
    }

    public static QuorumConfig read(Map<String, String> cmap, long localNodeId) {
        return read(cmap, localNodeId, false);
    }

    /**
     * @param unlistedTakesFirstEntry a local node missing from the nodelist takes the first entry (vqsim's
     *     fallback) instead of running without a nodelist (corosync)
     */
    public static QuorumConfig read(Map<String, String> cmap, long localNodeId, boolean unlistedTakesFirstEntry) {
        TreeMap<Long, Long> votesByPosition = new TreeMap<>();
        Long localPosition = null;
        for (Map.Entry<String, String> e : cmap.entrySet()) {
            Matcher m = NODE_KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            long pos = Long.parseLong(m.group(1));
            votesByPosition.putIfAbsent(pos, 1L);
            if (m.group(2).equals("quorum_votes")) {
                votesByPosition.put(pos, u32(e.getKey(), e.getValue()));
            } else if (m.group(2).equals("nodeid") && u32(e.getKey(), e.getValue()) == localNodeId) {
                localPosition = pos;
            }
        }
        if (localPosition == null && unlistedTakesFirstEntry && !votesByPosition.isEmpty()) {
            localPosition = votesByPosition.firstKey();
        }
        boolean haveNodelist = localPosition != null;
        long sum = 0;
        for (long v : votesByPosition.values()) {
            sum += v;
        }
        String model = cmap.get("quorum.device.model");
        boolean haveDevice = model != null && !model.isEmpty();
        String wfa = cmap.get("quorum.wait_for_all");
        return new QuorumConfig(
                u32(cmap, "quorum.expected_votes", 0),
                haveNodelist,
                haveNodelist ? votesByPosition.size() : 0,
                haveNodelist ? sum : 0,
                haveNodelist ? votesByPosition.get(localPosition) : 0,
                u32(cmap, "quorum.votes", 1),
                u8(cmap, "quorum.two_node"),
                haveDevice,
                haveDevice ? u32(cmap, "quorum.device.votes", QuorumConfig.UNSET) : 0,
                u32(cmap, "quorum.device.timeout", QuorumConfig.DEFAULT_DEVICE_TIMEOUT_MS),
                u32(cmap, "quorum.device.sync_timeout", QuorumConfig.DEFAULT_DEVICE_SYNC_TIMEOUT_MS),
                u8(cmap, "quorum.allow_downscale"),
                wfa == null ? null : number("quorum.wait_for_all", wfa, U8_MAX) != 0,
                u8(cmap, "quorum.last_man_standing"),
                u32(cmap, "quorum.last_man_standing_window", QuorumConfig.DEFAULT_LMS_WINDOW_MS),
                u8(cmap, "quorum.expected_votes_tracking"),
                u8(cmap, "quorum.auto_tie_breaker"),
                cmap.get("quorum.auto_tie_breaker_node"));
    }

    private static boolean u8(Map<String, String> cmap, String key) {
        String v = cmap.get(key);
        return v != null && number(key, v, U8_MAX) != 0;
    }

    private static long u32(Map<String, String> cmap, String key, long dflt) {
        String v = cmap.get(key);
        return v == null ? dflt : number(key, v, U32_MAX);
    }

    private static long u32(String key, String value) {
        return number(key, value, U32_MAX);
    }

    private static long number(String key, String value, long max) {
        String t = value.trim();
        long n;
        try {
            n = t.matches("[0-9]{1,10}") ? Long.parseLong(t) : -1;
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > max) {
            throw new VotequorumConfigException("Value of key \"" + key + "\" is expected to be integer in range (0.."
                    + max + "), but \"" + value + "\" was given");
        }
        return n;
    }
}
