package org.quorate.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys corosync 3.1.7 and corosync-qdevice read, by section, for one purpose: telling a misspelt key
 * ({@code totem.tokn}) from an intentional unknown one. corosync itself stores unknown keys silently; so do
 * we, but a key within edit distance 2 of a known key of the same section earns a warning.
 */
final class KnownKeys {
    static final Map<String, Set<String>> BY_SECTION = Map.of(
        "totem", Set.of("version", "cluster_name", "config_version", "transport", "ip_version", "secauth",
            "crypto_cipher", "crypto_hash", "crypto_model", "keyfile", "key", "link_mode", "netmtu", "token",
            "token_coefficient", "token_warning", "token_retransmit", "hold", "token_retransmits_before_loss_const",
            "join", "send_join", "consensus", "merge", "downcheck", "fail_recv_const", "seqno_unchanged_const",
            "heartbeat_failures_allowed", "max_network_delay", "window_size", "max_messages", "miss_count_const",
            "knet_pmtud_interval", "knet_mtu", "knet_compression_model", "knet_compression_threshold",
            "knet_compression_level", "block_unlisted_ips", "cancel_token_hold_on_retransmit", "ip_dscp",
            "clear_node_high_bit", "nodeid", "threads", "vsftype", "interface"),
        "totem.interface.N", Set.of("linknumber", "knet_link_priority", "knet_ping_interval", "knet_ping_timeout",
            "knet_ping_precision", "knet_pong_count", "knet_transport", "mcastport", "bindnetaddr", "mcastaddr",
            "broadcast", "ttl", "member"),
        "nodelist.node.N", Set.of("nodeid", "name", "quorum_votes", "ring0_addr", "ring1_addr", "ring2_addr",
            "ring3_addr", "ring4_addr", "ring5_addr", "ring6_addr", "ring7_addr"),
        "quorum", Set.of("provider", "expected_votes", "votes", "two_node", "wait_for_all", "last_man_standing",
            "last_man_standing_window", "auto_tie_breaker", "auto_tie_breaker_node", "allow_downscale",
            "expected_votes_tracking", "leaving_timeout", "device"),
        "quorum.device", Set.of("model", "votes", "timeout", "sync_timeout", "master_wins", "net", "heuristics"),
        "quorum.device.net", Set.of("host", "port", "tls", "algorithm", "tie_breaker", "connect_timeout",
            "force_ip_version", "keep_active_partition_tie_breaker"),
        "logging", Set.of("to_stderr", "to_logfile", "to_syslog", "logfile", "logfile_priority", "syslog_facility",
            "syslog_priority", "debug", "timestamp", "fileline", "function_name", "blackbox", "logger_subsys",
            "logging_daemon", "tags", "mode"),
        "system", Set.of("qb_ipc_type", "sched_rr", "priority", "move_to_root_cgroup", "allow_knet_handle_fallback",
            "state_dir", "run_dir"));

    private KnownKeys() {
    }

    /** One warning per key that is unknown in a known section yet within distance 2 of a known key there. */
    static List<String> typoWarnings(ConfDocument doc) {
        List<String> out = new ArrayList<>();
        for (CmapEntry e : doc.cmapEntries().values()) {
            String key = e.key();
            if (key.equals("totem.interface.ringnumber")) {
                // corosync 2's name; corosync 3 ignores it and the interface silently becomes link 0
                out.add(doc.fileName() + ":" + e.line() + ": 'ringnumber' is not read by corosync 3 (the interface is link 0;"
                    + " did you mean 'linknumber'?)");
                continue;
            }
            int dot = key.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String section = key.substring(0, dot).replaceAll("^(nodelist\\.node|totem\\.interface)\\.\\d+", "$1.N");
            if (section.startsWith("totem.interface.N.member")) {
                continue;
            }
            String name = key.substring(dot + 1);
            Set<String> known = BY_SECTION.get(section);
            if (known == null || known.contains(name)) {
                continue;
            }
            String best = null;
            int bestDistance = 3;
            for (String k : known) {
                int d = distance(name, k);
                if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
                    best = k;
                    bestDistance = d;
                }
            }
            if (best != null && bestDistance <= Math.min(2, name.length() / 3)) {
                out.add(doc.fileName() + ":" + e.line() + ": unknown key '" + key + "' (did you mean '"
                    + key.substring(0, dot + 1) + best + "'?)");
            }
        }
        return out;
    }

    /** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
