package org.quorate.link.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * corosync-cfgtool 3.1.7's text for a {@link LinkLayerStatus}, byte for byte in shape (tools/corosync-cfgtool.c,
 * {@code nodestatusget_do}). Its quirks are kept on purpose:
 * <ul>
 *   <li>{@code -s} lists the links that are enabled towards one other node, the one with the highest node id
 *       (cfgtool's {@code other_nodeid_index}: the local node only has its loopback link), and prints that link's
 *       local address;</li>
 *   <li>{@code -s} lists every node of the nodelist, reachable or not; {@code -n} only the reachable remote
 *       ones;</li>
 *   <li>node ids in {@code -s} are right-aligned in 10 columns ({@code CS_PRI_NODE_ID_PADDED});</li>
 *   <li>{@code -n} has no onwire versions (see {@link #PRINTS_ONWIRE}), and a blank line after each node.</li>
 * </ul>
 */
public final class CfgtoolFormatter {
    /**
     * Whether {@code -n} prints knet's "   onwire (min/max/cur): a, b, c" after "reachable". cfgtool prints it
     * only when built with HAVE_KNET_ONWIRE_VER; Debian 12's corosync 3.1.7 (the one we replace) is not, so the
     * line ends at "reachable" (captured in src/test/resources/link/cfgtool). Quorate speaks one version.
     */
    static final boolean PRINTS_ONWIRE = false;
    static final int ONWIRE_VERSION = 1;
    private static final int MAX_LINKS = 8;

    private CfgtoolFormatter() {
    }

    /** {@code corosync-cfgtool -s}. */
    public static String status(LinkLayerStatus s) {
        return linkOrder(s, false);
    }

    /** {@code corosync-cfgtool -s -b}: one digit per node, {@code enabled | connected << 1}, 'n' for this one. */
    public static String brief(LinkLayerStatus s) {
        return linkOrder(s, true);
    }

    /** {@code corosync-cfgtool -n}. */
    public static String nodes(LinkLayerStatus s) {
        StringBuilder out = header(s);
        for (HostStatus h : sortedHosts(s)) {
            if (!h.reachable() || h.local() || h.hostId() == s.localHostId()) {
                continue;
            }
            out.append("nodeid: ").append(h.hostId()).append(" reachable");
            if (PRINTS_ONWIRE && isKnet(s)) {
                out.append("   onwire (min/max/cur): ").append(ONWIRE_VERSION).append(", ").append(ONWIRE_VERSION)
                        .append(", ").append(ONWIRE_VERSION);
            }
            out.append('\n');
            for (int id = 0; id < MAX_LINKS; id++) {
                LinkStatus l = link(h, id);
                if (l == null || !l.enabled()) {
                    continue;
                }
                out.append("   LINK: ").append(id).append(' ').append(transportName(s, id))
                        .append(" (").append(CfgtoolAddresses.host(l.local())).append(isKnet(s) ? "->" : "")
                        .append(CfgtoolAddresses.host(l.remote())).append(')')
                        .append(" enabled");
                if (l.connected()) {
                    out.append(" connected");
                }
                out.append(" mtu: ").append(l.mtu()).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String linkOrder(LinkLayerStatus s, boolean brief) {
        StringBuilder out = header(s);
        List<HostStatus> hosts = sortedHosts(s);
        HostStatus other = otherHost(s, hosts);
        for (int id = 0; id < MAX_LINKS; id++) {
            LinkStatus shown = other == null ? null : link(other, id);
            if (shown == null || !shown.enabled()) {
                continue;
            }
            out.append("LINK ID ").append(id).append(' ').append(transportName(s, id)).append('\n');
            out.append("\taddr\t= ").append(CfgtoolAddresses.host(shown.local())).append('\n');
            if (brief) {
                out.append("\tstatus\t= ");
                for (HostStatus h : hosts) {
                    out.append(isLocal(s, h) ? 'n' : briefDigit(link(h, id)));
                }
                out.append('\n');
            } else {
                out.append("\tstatus:\n");
                for (HostStatus h : hosts) {
                    out.append("\t\tnodeid: ").append(String.format("%10d", h.hostId() & 0xffffffffL)).append(":\t");
                    LinkStatus l = link(h, id);
                    out.append(isLocal(s, h) ? "localhost" : l != null && l.connected() ? "connected" : "disconnected");
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static char briefDigit(LinkStatus l) {
        if (l == null) {
            return '0';
        }
        return (char) ('0' + ((l.enabled() ? 1 : 0) | (l.connected() ? 2 : 0)));
    }

    private static StringBuilder header(LinkLayerStatus s) {
        return new StringBuilder(256).append("Local node ID ").append(s.localHostId() & 0xffffffffL)
                .append(", transport ").append(s.transport()).append('\n');
    }

    /** cfgtool's other_nodeid_index: the last non-local node in id order, else the local node itself. */
    private static HostStatus otherHost(LinkLayerStatus s, List<HostStatus> hosts) {
        HostStatus other = null;
        HostStatus local = null;
        for (HostStatus h : hosts) {
            if (isLocal(s, h)) {
                local = h;
            } else {
                other = h;
            }
        }
        return other != null ? other : local;
    }

    private static boolean isLocal(LinkLayerStatus s, HostStatus h) {
        return h.local() || h.hostId() == s.localHostId();
    }

    private static List<HostStatus> sortedHosts(LinkLayerStatus s) {
        List<HostStatus> hosts = new ArrayList<>(s.hosts());
        hosts.sort(Comparator.comparingLong(h -> h.hostId() & 0xffffffffL));
        return hosts;
    }

    private static LinkStatus link(HostStatus h, int id) {
        for (LinkStatus l : h.links()) {
            if (l.linkId() == id) {
                return l;
            }
        }
        return null;
    }

    private static boolean isKnet(LinkLayerStatus s) {
        return "knet".equals(s.transport());
    }

    /** totem.interface.N.knet_transport, "udp" by default under knet; nothing under the old udp/udpu. */
    private static String transportName(LinkLayerStatus s, int id) {
        if (!isKnet(s)) {
            return "";
        }
        for (LocalLink l : s.localLinks()) {
            if (l.linkId() == id && l.transportName() != null && !l.transportName().isEmpty()) {
                return l.transportName();
            }
        }
        return "udp";
    }
}
