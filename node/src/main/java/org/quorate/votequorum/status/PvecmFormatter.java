package org.quorate.votequorum.status;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pvecm status} and {@code pvecm nodes} (node-and-link spec §3.3-3.4): the Proxmox "Cluster information"
 * block from {@code /etc/pve/corosync.conf}, then what {@code corosync-quorumtool -siH} (status) or {@code -l}
 * (nodes) prints, which pvecm execs.
 */
public final class PvecmFormatter {
    private PvecmFormatter() {
    }

    /**
     * @param totem the {@code totem} section of {@code /etc/pve/corosync.conf} as the Proxmox parser reads it
     *     (raw strings by key); empty when it found no totem section (then the block is left out)
     */
    public static QuorumToolFormatter.ToolOutput status(Map<String, String> totem, QuorumStatus s, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        if (!totem.isEmpty()) {
            out.append("Cluster information\n");
            out.append("-------------------\n");
            line(out, "Name:", totem.getOrDefault("cluster_name", "UNKOWN?"));
            line(out, "Config Version:", totem.getOrDefault("config_version", "-1"));
            line(out, "Transport:", totem.getOrDefault("transport", "knet"));
            line(out, "Secure auth:", totem.getOrDefault("secauth", "off"));
            out.append('\n');
        }
        QuorumToolFormatter.ToolOutput tool = QuorumToolFormatter.status(s, QuorumToolOptions.PVECM_STATUS, zone);
        return new QuorumToolFormatter.ToolOutput(out + tool.stdout(), tool.exitCode());
    }

    /** {@code pvecm nodes} = {@code corosync-quorumtool -l}. */
    public static QuorumToolFormatter.ToolOutput nodes(QuorumStatus s) {
        return QuorumToolFormatter.nodes(s, QuorumToolOptions.DEFAULT);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-17s %s\n", label, value));
    }
}
