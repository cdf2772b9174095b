package org.quorate.conf;

/**
 * The integer {@code totem} keys with their defaults, in one table (exec/totemconfig.c of 3.1.7,
 * {@code totem_volatile_config_read}). A configured 0 counts as absent unless {@link #zeroAllowed()}. The
 * computed defaults (token_retransmit, hold, consensus) are derived in {@link TotemTimers}, not here.
 */
public enum TotemKey {
    VERSION("version", 0, true, "protocol version; must be 2"),
    TOKEN("token", 3000, false, "base token timeout (ms); the effective token adds token_coefficient per node above 2"),
    TOKEN_COEFFICIENT("token_coefficient", 650, true, "ms added to token per configured node above two"),
    TOKEN_RETRANSMITS_BEFORE_LOSS_CONST("token_retransmits_before_loss_const", 4, false,
        "token retransmits before the token is declared lost"),
    TOKEN_WARNING("token_warning", 75, true, "percent of token after which a missing token is logged; 0 disables"),
    TOKEN_RETRANSMIT("token_retransmit", 0, false, "token retransmit timeout (ms); computed when unset"),
    HOLD("hold", 0, false, "token hold timeout (ms); computed when unset"),
    JOIN("join", 50, false, "join timeout (ms)"),
    SEND_JOIN("send_join", 0, true, "random delay up to this before sending a join (ms)"),
    CONSENSUS("consensus", 0, false, "consensus timeout (ms); 1.2 x effective token when unset"),
    MERGE("merge", 200, false, "merge detection timeout (ms)"),
    DOWNCHECK("downcheck", 1000, false, "downcheck timeout (ms)"),
    FAIL_RECV_CONST("fail_recv_const", 2500, false, "token rotations without progress before 'failed to receive'"),
    SEQNO_UNCHANGED_CONST("seqno_unchanged_const", 30, false, "idle rotations before the token is held"),
    HEARTBEAT_FAILURES_ALLOWED("heartbeat_failures_allowed", 0, true, "0 disables heartbeat failure detection"),
    MAX_NETWORK_DELAY("max_network_delay", 50, false, "assumed maximum network delay (ms)"),
    WINDOW_SIZE("window_size", 50, false, "messages per token rotation"),
    MAX_MESSAGES("max_messages", 17, false, "messages one processor may send per token"),
    MISS_COUNT_CONST("miss_count_const", 5, false, "token rotations before a missed message is retransmitted"),
    KNET_PMTUD_INTERVAL("knet_pmtud_interval", 30, false, "knet path-MTU discovery interval (s)"),
    KNET_MTU("knet_mtu", 0, true, "fixed knet MTU; 0 = automatic PMTUD"),
    KNET_COMPRESSION_THRESHOLD("knet_compression_threshold", 0, true, "bytes above which knet compresses"),
    NETMTU("netmtu", 0, false, "message size bound; 0 = 65536 for knet, 1500 for udp/udpu"),
    CONFIG_VERSION("config_version", 0, true, "configuration version (u64); see the join-time check");

    private final String key;
    private final long defaultValue;
    private final boolean zeroAllowed;
    private final String doc;

    TotemKey(String key, long defaultValue, boolean zeroAllowed, String doc) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.zeroAllowed = zeroAllowed;
        this.doc = doc;
    }

    /** The key inside {@code totem}, e.g. {@code token}. */
    public String key() {
        return key;
    }

    /** The cmap path, e.g. {@code totem.token}. */
    public String path() {
        return "totem." + key;
    }

    public long defaultValue() {
        return defaultValue;
    }

    public boolean zeroAllowed() {
        return zeroAllowed;
    }

    public String doc() {
        return doc;
    }
}
