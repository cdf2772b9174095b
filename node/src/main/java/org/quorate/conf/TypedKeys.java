package org.quorate.conf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys coroparse.c converts to integers at parse time, by scope and full path (or bare key where corosync
 * matches the bare key), and the string keys it checks against a closed list. Everything else is a string.
 */
final class TypedKeys {
    private static final Map<String, CmapType> BY_PATH = new HashMap<>();

    static {
        for (String k : List.of("version", "nodeid", "threads", "token", "token_coefficient", "token_retransmit",
            "token_warning", "hold", "token_retransmits_before_loss_const", "join", "send_join", "consensus",
            "merge", "downcheck", "fail_recv_const", "seqno_unchanged_const", "rrp_token_expired_timeout",
            "rrp_problem_count_timeout", "rrp_problem_count_threshold", "rrp_problem_count_mcast_threshold",
            "rrp_autorecovery_check_timeout", "heartbeat_failures_allowed", "max_network_delay", "window_size",
            "max_messages", "miss_count_const", "knet_pmtud_interval", "knet_mtu", "knet_compression_threshold",
            "netmtu")) {
            BY_PATH.put("totem." + k, CmapType.U32);
        }
        BY_PATH.put("totem.knet_compression_level", CmapType.I32);
        BY_PATH.put("totem.config_version", CmapType.U64);
        for (String k : List.of("expected_votes", "votes", "last_man_standing_window", "leaving_timeout")) {
            BY_PATH.put("quorum." + k, CmapType.U32);
        }
        for (String k : List.of("two_node", "expected_votes_tracking", "allow_downscale", "wait_for_all",
            "auto_tie_breaker", "last_man_standing")) {
            BY_PATH.put("quorum." + k, CmapType.U8);
        }
        for (String k : List.of("timeout", "sync_timeout", "votes")) {
            BY_PATH.put("quorum.device." + k, CmapType.U32);
        }
        BY_PATH.put("quorum.device.master_wins", CmapType.U8);
        BY_PATH.put("totem.interface.linknumber", CmapType.U8);
        BY_PATH.put("totem.interface.ttl", CmapType.U8);
        BY_PATH.put("totem.interface.knet_link_priority", CmapType.U8);
        BY_PATH.put("totem.interface.mcastport", CmapType.U16);
        for (String k : List.of("knet_ping_interval", "knet_ping_timeout", "knet_ping_precision", "knet_pong_count")) {
            BY_PATH.put("totem.interface." + k, CmapType.U32);
        }
    }

    /** The crypto models of Debian's libknet 1.25 build, in knet's order (the refusal lists them). */
    static final List<String> KNET_CRYPTO_MODELS = List.of("nss", "openssl");
    /** The compression models of that build; note that "none" is not one of them, so 3.1.7 refuses it. */
    static final List<String> KNET_COMPRESS_MODELS = List.of("zlib", "lz4", "lz4hc", "lzo2", "lzma", "bzip2", "zstd");

    private TypedKeys() {
    }

    /** The type of the item at {@code path} with bare key {@code key} in {@code scope}. */
    static CmapType typeOf(CmapScope scope, String path, String key) {
        return switch (scope) {
            case TOTEM, QUORUM, QDEVICE, INTERFACE -> {
                CmapType t = BY_PATH.get(path);
                // A path is only typed in its own scope (totem.interface.token is a string).
                yield t != null && scopeOf(path) == scope ? t : CmapType.STRING;
            }
            case NODELIST_NODE -> key.equals("nodeid") || key.equals("quorum_votes") ? CmapType.U32 : CmapType.STRING;
            case RESOURCES -> key.equals("watchdog_timeout") ? CmapType.U32 : CmapType.STRING;
            case RESOURCES_SYSTEM, RESOURCES_PROCESS -> key.equals("poll_period") ? CmapType.U64 : CmapType.STRING;
            default -> CmapType.STRING;
        };
    }

    private static CmapScope scopeOf(String path) {
        if (path.startsWith("totem.interface.")) {
            return CmapScope.INTERFACE;
        }
        if (path.startsWith("quorum.device.")) {
            return CmapScope.QDEVICE;
        }
        return path.startsWith("totem.") ? CmapScope.TOTEM : CmapScope.QUORUM;
    }

    /** coroparse.c's refusal of a string value outside its closed list, or null when it is accepted. */
    static String checkString(CmapScope scope, String path, String value) {
        if (scope == CmapScope.TOTEM) {
            return switch (path) {
                case "totem.ip_version" -> List.of("ipv4", "ipv6", "ipv6-4", "ipv4-6").contains(value)
                    ? null : "Invalid ip_version type";
                case "totem.crypto_model" -> oneOf(value, KNET_CRYPTO_MODELS, "Invalid crypto model. Should be ");
                case "totem.crypto_cipher" -> List.of("none", "aes256", "aes192", "aes128").contains(value)
                    ? null : "Invalid cipher type. Should be none, aes256, aes192 or aes128";
                case "totem.crypto_hash" -> List.of("none", "md5", "sha1", "sha256", "sha384", "sha512").contains(value)
                    ? null : "Invalid hash type. Should be none, md5, sha1, sha256, sha384 or sha512";
                case "totem.knet_compression_model" ->
                    oneOf(value, KNET_COMPRESS_MODELS, "Invalid compression model. Should be ");
                default -> null;
            };
        }
        if (scope == CmapScope.SYSTEM) {
            return switch (path) {
                case "system.qb_ipc_type" -> List.of("native", "shm", "socket").contains(value)
                    ? null : "Invalid system.qb_ipc_type";
                case "system.sched_rr" -> List.of("yes", "no").contains(value) ? null : "Invalid system.sched_rr value";
                case "system.move_to_root_cgroup" -> List.of("yes", "no", "auto").contains(value)
                    ? null : "Invalid system.move_to_root_cgroup";
                case "system.allow_knet_handle_fallback" -> List.of("yes", "no").contains(value)
                    ? null : "Invalid system.allow_knet_handle_fallback";
                default -> null;
            };
        }
        return null;
    }

    private static String oneOf(String value, List<String> allowed, String prefix) {
        if (allowed.contains(value)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < allowed.size(); i++) {
            if (i > 0) {
                sb.append(i == allowed.size() - 1 ? " or " : ", ");
            }
            sb.append(allowed.get(i));
        }
        return sb.toString();
    }
}
