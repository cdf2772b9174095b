package org.quorate.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What {@code corosync-cfgtool -R} does with a new corosync.conf on a running node (spec 1.6, exec/totemconfig.c
 * {@code totemconfig_commit_new_params} and exec/votequorum.c {@code votequorum_set_icmap_ro_keys}): the keys
 * that change, the changes that only a restart applies (votequorum's read-only features, the transport, a
 * link's knet transport), and the refusal when an existing node's address on an existing link changes.
 */
public record ConfReload(List<String> changedKeys, List<String> ignoredUntilRestart, Optional<String> refusal) {
    /** votequorum makes these read-only in cmap after start. */
    static final List<String> QUORUM_READ_ONLY = List.of("quorum.allow_downscale", "quorum.wait_for_all",
        "quorum.last_man_standing", "quorum.last_man_standing_window", "quorum.expected_votes_tracking",
        "quorum.auto_tie_breaker", "quorum.auto_tie_breaker_node");

    static final String REFUSAL = "To reconfigure an interface it must be deleted and recreated. A working interface"
        + " needs to be available to corosync at all times";

    /** The effect of reloading {@code next} on a node that runs {@code running}. */
    public static ConfReload between(ConfDocument running, ConfDocument next) {
        SortedMap<String, String> a = running.cmap();
        SortedMap<String, String> b = next.cmap();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> changed = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                changed.add(k);
                if (QUORUM_READ_ONLY.contains(k) || k.equals("totem.transport")
                    || k.matches("totem\\.interface\\.\\d+\\.knet_transport") && a.containsKey(k)) {
                    restart.add(k);
                }
            }
        }
        return new ConfReload(List.copyOf(changed), List.copyOf(restart), addressChange(running, next));
    }

    /** An existing node (by node id) whose address on a link that exists in both files changed. */
    private static Optional<String> addressChange(ConfDocument running, ConfDocument next) {
        Map<Integer, NodeConfig> before = NodeConfig.all(running);
        Map<Integer, NodeConfig> after = NodeConfig.all(next);
        for (NodeConfig old : before.values()) {
            for (NodeConfig now : after.values()) {
                if (old.nodeId().isEmpty() || !old.nodeId().equals(now.nodeId())) {
                    continue;
                }
                for (Map.Entry<Integer, String> ring : old.ringAddresses().entrySet()) {
                    String newAddress = now.ringAddresses().get(ring.getKey());
                    if (newAddress != null && !newAddress.equals(ring.getValue())) {
                        return Optional.of(REFUSAL + " (node " + old.nodeId().getAsLong() + ", link " + ring.getKey()
                            + ": " + ring.getValue() + " -> " + newAddress + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
