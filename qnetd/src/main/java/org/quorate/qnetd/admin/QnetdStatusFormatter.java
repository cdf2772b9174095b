package org.quorate.qnetd.admin;

import java.util.List;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;

/**
 * The text payloads of qnetd's {@code status} and {@code list} IPC commands, byte for byte as
 * corosync-qnetd 3.0.3 writes them (spec §12.2, §12.3): tabs, indentation and line order are
 * part of the interface because scripts (and Proxmox) parse them.
 */
public final class QnetdStatusFormatter {
    private QnetdStatusFormatter() {
    }

    public static String status(QnetdStatusSnapshot snapshot, boolean verbose) {
        QnetdServerStatus s = snapshot.server();
        StringBuilder out = new StringBuilder();
        out.append("QNetd address:\t\t\t").append(s.listenAddress() == null ? "*" : s.listenAddress())
                .append(':').append(s.port()).append('\n');
        out.append("TLS:\t\t\t\t").append(s.tls().displayName());
        if (s.tls() != TlsSupported.UNSUPPORTED && s.clientCertificateRequired()) {
            out.append(" (client certificate required)");
        }
        out.append('\n');
        out.append("Connected clients:\t\t").append(s.connectedClients()).append('\n');
        out.append("Connected clusters:\t\t").append(snapshot.connectedClusters()).append('\n');
        if (verbose) {
            if (s.maxClients() != 0) {
                out.append("Maximum allowed clients:\t").append(s.maxClients()).append('\n');
            }
            out.append("Maximum send/receive size:\t").append(s.maxSendSize()).append('/')
                    .append(s.maxReceiveSize()).append(" bytes\n");
        }
        return out.toString();
    }

    /**
     * @param clusterName only this cluster (exact, case-sensitive match); null or empty lists all
     */
    public static String list(QnetdStatusSnapshot snapshot, boolean verbose, String clusterName) {
        StringBuilder out = new StringBuilder();
        for (QnetdClusterStatus cluster : snapshot.clusters()) {
            if (clusterName != null && !clusterName.isEmpty() && !clusterName.equals(cluster.name())) {
                continue;
            }
            appendCluster(out, cluster, verbose);
        }
        return out.toString();
    }

    private static void appendCluster(StringBuilder out, QnetdClusterStatus cluster, boolean verbose) {
        out.append("Cluster \"").append(cluster.name()).append("\":\n");
        List<QnetdClientStatus> clients = cluster.clients();
        if (!clients.isEmpty()) {
            // The C server prints these once, taken from the first (lowest id) client.
            QnetdClientStatus first = clients.get(0);
            out.append("    Algorithm:\t\t").append(first.algorithm().displayName())
                    .append(cluster.keepActivePartitionTieBreakerActive() ? " (KAP Tie-breaker)" : "").append('\n');
            out.append("    Tie-breaker:\t").append(first.tieBreaker().displayText()).append('\n');
        }
        for (QnetdClientStatus client : clients) {
            appendClient(out, client, verbose);
        }
    }

    private static void appendClient(StringBuilder out, QnetdClientStatus c, boolean verbose) {
        out.append("    Node ID ").append(c.nodeId()).append(":\n");
        out.append("        Client address:\t\t").append(c.address()).append('\n');
        if (verbose) {
            out.append("        HB interval:\t\t").append(c.heartbeatIntervalMs()).append("ms\n");
        }
        if (c.configVersion() != null) {
            out.append("        Configuration version:\t").append(Long.toUnsignedString(c.configVersion())).append('\n');
        }
        if (!c.configNodeList().isEmpty()) {
            out.append("        Configured node list:\t").append(nodeList(c.configNodeList())).append('\n');
        }
        if (verbose) {
            out.append("        Ring ID:\t\t").append(c.ringId().toHex()).append('\n');
        }
        if (!c.membershipNodeList().isEmpty()) {
            out.append("        Membership node list:\t").append(nodeList(c.membershipNodeList())).append('\n');
        }
        if (c.heuristics() != HeuristicsResult.UNDEFINED || verbose) {
            out.append("        Heuristics:\t\t").append(c.heuristics().displayName());
            if (verbose) {
                out.append(" (membership: ").append(c.membershipHeuristics().displayName())
                        .append(", regular: ").append(c.regularHeuristics().displayName()).append(')');
            }
            out.append('\n');
        }
        if (verbose) {
            out.append("        TLS active:\t\t").append(c.tlsActive() ? "Yes" : "No");
            if (c.tlsActive() && c.clientCertificateVerified()) {
                out.append(" (client certificate verified)");
            }
            out.append('\n');
        }
        if (c.lastVote() != Vote.UNDEFINED) {
            out.append("        Vote:\t\t\t").append(c.lastVote().displayName());
            if (c.lastAckNackVote() != Vote.UNDEFINED) {
                out.append(" (").append(c.lastAckNackVote().displayName()).append(')');
            }
            out.append('\n');
        }
    }

    /** {@code 1, 2 (5), 3}: node ids with their data-center id when one is set. */
    static String nodeList(List<NodeInfo> nodes) {
        StringBuilder sb = new StringBuilder();
        for (NodeInfo node : nodes) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(node.nodeId());
            if (node.dataCenterId() != 0) {
                sb.append(" (").append(node.dataCenterId()).append(')');
            }
        }
        return sb.toString();
    }
}
