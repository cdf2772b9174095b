package org.quorate.vqsim.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The quorum-relevant part of a flattened corosync.conf (cmap keys), read the way votequorum reads it.
 * Deliberately written apart from org.quorate.votequorum: the reference model must not share its
 * reading of the configuration with the code it checks.
 *
 * @param nodeVotes node id to {@code quorum_votes} (1 when absent), in nodelist order
 * @param expectedVotes {@code quorum.expected_votes}, 0 when absent
 * @param wfa {@code quorum.wait_for_all}, null when the key is absent (then it follows two_node)
 * @param atbNodes the {@code auto_tie_breaker_node} list; empty unless {@code atb == LIST}
 * @param deviceVotes {@code quorum.device.votes}, -1 when absent
 */
public record RefConfig(
        Map<Long, Long> nodeVotes,
        long expectedVotes,
        long legacyVotes,
        boolean twoNode,
        Boolean wfa,
        boolean lms,
        long lmsWindowMs,
        Atb atb,
        List<Long> atbNodes,
        boolean allowDownscale,
        boolean evTracking,
        boolean device,
        long deviceVotes,
        long deviceTimeoutMs,
        long deviceSyncTimeoutMs) {

    /** auto_tie_breaker types, numbered as runtime.votequorum.atb_type. */
    public enum Atb { NONE, LOWEST, HIGHEST, LIST }

    public RefConfig {
        nodeVotes = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodeVotes));
        atbNodes = List.copyOf(atbNodes);
    }

    /** Reads the keys from a flattened cmap; a malformed number names its key. */
    public static RefConfig fromCmap(Map<String, String> cmap) {
        SortedMap<Integer, Long> idByPos = new TreeMap<>();
        SortedMap<Integer, Long> votesByPos = new TreeMap<>();
        for (Map.Entry<String, String> e : cmap.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("nodelist.node.")) {
                continue;
            }
            String[] parts = k.split("\\.");
            if (parts.length != 4) {
                continue;
            }
            int pos;
            try {
                pos = Integer.parseInt(parts[2]);
            } catch (NumberFormatException ex) {
                continue;
            }
            if (parts[3].equals("nodeid")) {
                idByPos.put(pos, number(cmap, k));
            } else if (parts[3].equals("quorum_votes")) {
                votesByPos.put(pos, number(cmap, k));
            }
        }
        Map<Long, Long> nodes = new java.util.LinkedHashMap<>();
        idByPos.forEach((pos, id) -> nodes.put(id, votesByPos.getOrDefault(pos, 1L)));
        String wfaText = cmap.get("quorum.wait_for_all");
        boolean atbOn = flag(cmap, "quorum.auto_tie_breaker");
        Atb atb = Atb.NONE;
        List<Long> atbList = new ArrayList<>();
        if (atbOn) {
            atb = Atb.LOWEST;
            String s = cmap.get("quorum.auto_tie_breaker_node");
            if (s != null) {
                atb = parseAtb(s, atbList);
            }
        }
        String model = cmap.get("quorum.device.model");
        return new RefConfig(nodes,
                numberOr(cmap, "quorum.expected_votes", 0),
                numberOr(cmap, "quorum.votes", 1),
                flag(cmap, "quorum.two_node"),
                wfaText == null ? null : number(cmap, "quorum.wait_for_all") != 0,
                flag(cmap, "quorum.last_man_standing"),
                numberOr(cmap, "quorum.last_man_standing_window", 10_000),
                atb, atbList,
                flag(cmap, "quorum.allow_downscale"),
                flag(cmap, "quorum.expected_votes_tracking"),
                model != null && !model.isEmpty(),
                numberOr(cmap, "quorum.device.votes", -1),
                numberOr(cmap, "quorum.device.timeout", 10_000),
                numberOr(cmap, "quorum.device.sync_timeout", 30_000));
    }

    /** votequorum's parse_atb_string: "lowest", "highest", or ids read with strtol until 0/garbage. */
    private static Atb parseAtb(String s, List<Long> out) {
        Atb atb = Atb.NONE;
        if (s.equals("lowest")) {
            atb = Atb.LOWEST;
        }
        if (s.equals("highest")) {
            atb = Atb.HIGHEST;
        }
        String[] words = s.trim().split("\\s+");
        if (words.length > 0 && leadingNumber(words[0]) != 0) {
            for (String w : words) {
                long n = leadingNumber(w);
                if (n == 0) {
                    break;
                }
                out.add(n);
            }
            atb = out.isEmpty() ? atb : Atb.LIST;
        }
        return atb;
    }

    private static long leadingNumber(String w) {
        int i = 0;
        if (i < w.length() && (w.charAt(i) == '-' || w.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        while (i < w.length() && Character.isDigit(w.charAt(i))) {
            i++;
        }
        return i == start ? 0 : Long.parseLong(w.substring(0, i));
    }

    /** The sum of the nodelist votes. */
    public long nodelistVotes() {
        return nodeVotes.values().stream().mapToLong(Long::longValue).sum();
    }

    private static boolean flag(Map<String, String> cmap, String key) {
        return numberOr(cmap, key, 0) != 0;
    }

    private static long numberOr(Map<String, String> cmap, String key, long dflt) {
        return cmap.containsKey(key) ? number(cmap, key) : dflt;
    }

    private static long number(Map<String, String> cmap, String key) {
        String v = cmap.get(key);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reference model: key " + key + " is not a number: \"" + v + "\"");
        }
    }
}
