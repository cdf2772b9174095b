package org.quorate.cluster.cmap;

import java.util.List;

/**
 * The corosync cmap keys Quorate reads, by their corosync names (corosync.conf(5), cmap_keys(8)).
 * One place for them, so qdevice's backend today and the node layer (votequorum, membership)
 * later spell each key once and agree on which keys a quorum device sees.
 */
public final class CmapKeys {
    /** Key prefix of the {@code totem} section. */
    public static final String TOTEM = "totem.";
    /** Key prefix of the {@code nodelist} section. */
    public static final String NODELIST = "nodelist.";
    /** Key prefix of every node entry: {@code nodelist.node.<index>.<field>}. */
    public static final String NODELIST_NODE = "nodelist.node.";
    /** Key prefix of the {@code quorum} section. */
    public static final String QUORUM = "quorum.";
    /** Key prefix of the {@code quorum.device} subsection. */
    public static final String QUORUM_DEVICE = "quorum.device.";
    /** Key prefix of the {@code logging} section. */
    public static final String LOGGING = "logging.";

    public static final String TOTEM_CLUSTER_NAME = "totem.cluster_name";
    public static final String TOTEM_CONFIG_VERSION = "totem.config_version";
    public static final String TOTEM_CLEAR_NODE_HIGH_BIT = "totem.clear_node_high_bit";
    public static final String QUORUM_WAIT_FOR_ALL = "quorum.wait_for_all";
    public static final String QUORUM_DEVICE_MODEL = "quorum.device.model";
    public static final String QUORUM_DEVICE_TIMEOUT = "quorum.device.timeout";
    public static final String QUORUM_DEVICE_VOTES = "quorum.device.votes";
    /** The local node id as votequorum decided it (runtime, not in corosync.conf). */
    public static final String RUNTIME_VOTEQUORUM_THIS_NODE_ID = "runtime.votequorum.this_node_id";
    /** 1 while corosync reloads corosync.conf; changes made meanwhile belong to one reload. */
    public static final String CONFIG_RELOAD_IN_PROGRESS = "config.totemconfig_reload_in_progress";

    /** Key prefixes a quorum device copies into every configuration snapshot. */
    public static final List<String> SNAPSHOT_PREFIXES = List.of(
            TOTEM, NODELIST, QUORUM, LOGGING, RUNTIME_VOTEQUORUM_THIS_NODE_ID, CONFIG_RELOAD_IN_PROGRESS);

    /** Key prefixes whose changes a quorum device reacts to (as corosync-qdevice tracks them). */
    public static final List<String> TRACKED_PREFIXES = List.of(QUORUM_DEVICE, NODELIST, TOTEM_CONFIG_VERSION, LOGGING);

    private CmapKeys() {
    }
}
