package org.quorate.conf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code quorum} section as votequorum reads it (exec/votequorum.c {@code votequorum_readconfig}): u8
 * flags where any non-zero value is on, wait_for_all defaulting to two_node, the last_man_standing window,
 * the auto_tie_breaker node choice, and the quorum device.
 */
public record QuorumConfig(Optional<String> provider, OptionalLong expectedVotes, OptionalLong votes, boolean twoNode,
                           boolean waitForAll, boolean lastManStanding, long lastManStandingWindow,
                           boolean autoTieBreaker, TieBreaker autoTieBreakerNode, boolean allowDownscale,
                           boolean expectedVotesTracking, Optional<DeviceConfig> device) {

    /** auto_tie_breaker_node: lowest, highest, or a list of node ids in order of preference. */
    public record TieBreaker(String mode, List<Long> nodes) {
        static TieBreaker parse(String text) {
            if (text.equals("lowest") || text.equals("highest")) {
                return new TieBreaker(text, List.of());
            }
            // votequorum reads the list with strtol, stopping at the first non-number
            List<Long> ids = new java.util.ArrayList<>();
            for (String t : text.trim().split("\\s+")) {
                if (!t.matches("\\d+")) {
                    break;
                }
                ids.add(Long.parseLong(t));
            }
            return ids.isEmpty() ? new TieBreaker("lowest", List.of()) : new TieBreaker("list", List.copyOf(ids));
        }
    }

    /** quorum.device: model, votes (absent = computed by votequorum), timeouts, and the device-side keys. */
    public record DeviceConfig(String model, OptionalLong votes, long timeout, long syncTimeout,
                               OptionalLong masterWins, SortedMap<String, String> net,
                               SortedMap<String, String> heuristics) {
    }

    static QuorumConfig of(ConfDocument doc) {
        boolean twoNode = flag(doc, "quorum.two_node");
        CmapEntry wfa = doc.entry("quorum.wait_for_all");
        return new QuorumConfig(string(doc, "quorum.provider"), number(doc, "quorum.expected_votes"),
            number(doc, "quorum.votes"), twoNode, wfa == null ? twoNode : !wfa.value().equals("0"),
            flag(doc, "quorum.last_man_standing"), number(doc, "quorum.last_man_standing_window").orElse(10000),
            flag(doc, "quorum.auto_tie_breaker"),
            TieBreaker.parse(string(doc, "quorum.auto_tie_breaker_node").orElse("lowest")),
            flag(doc, "quorum.allow_downscale"), flag(doc, "quorum.expected_votes_tracking"), device(doc));
    }

    private static Optional<DeviceConfig> device(ConfDocument doc) {
        Optional<String> model = string(doc, "quorum.device.model");
        if (model.isEmpty() || model.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceConfig(model.get(), number(doc, "quorum.device.votes"),
            number(doc, "quorum.device.timeout").orElse(10000), number(doc, "quorum.device.sync_timeout").orElse(30000),
            number(doc, "quorum.device.master_wins"), sub(doc, "quorum.device.net."), sub(doc, "quorum.device.heuristics.")));
    }

    private static SortedMap<String, String> sub(ConfDocument doc, String prefix) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : doc.cmap().tailMap(prefix).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.put(e.getKey().substring(prefix.length()), e.getValue());
        }
        return out;
    }

    private static boolean flag(ConfDocument doc, String key) {
        CmapEntry e = doc.entry(key);
        return e != null && !e.value().equals("0");
    }

    private static OptionalLong number(ConfDocument doc, String key) {
        CmapEntry e = doc.entry(key);
        return e == null || !e.type().isInteger() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(e.value()));
    }

    private static Optional<String> string(ConfDocument doc, String key) {
        return Optional.ofNullable(doc.entry(key)).map(CmapEntry::value);
    }
}
