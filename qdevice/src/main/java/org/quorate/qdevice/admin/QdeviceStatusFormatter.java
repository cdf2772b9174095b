package org.quorate.qdevice.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.quorate.protocol.NodeInfo;

/**
 * The text payload of qdevice's {@code status} IPC command, byte for byte as corosync-qdevice
 * 3.0.3 writes it (spec §12.4). Proxmox VE parses several of these lines (Algorithm, Echo reply,
 * Last poll call, Model, QNetd host, State, Tie-breaker), so the layout is an interface. Times
 * are printed in the given zone (the daemon's local time) to the second.
 */
public final class QdeviceStatusFormatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private QdeviceStatusFormatter() {
    }

    public static String status(QdeviceStatusSnapshot snapshot, boolean verbose) {
        return status(snapshot, verbose, ZoneId.systemDefault());
    }

    public static String status(QdeviceStatusSnapshot snapshot, boolean verbose, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        appendDevice(out, snapshot.device(), verbose, zone);
        out.append('\n');
        appendNet(out, snapshot.net(), snapshot.device(), verbose, zone);
        return out.toString();
    }

    private static void appendDevice(StringBuilder out, QdeviceInfo d, boolean verbose, ZoneId zone) {
        out.append("Qdevice information\n-------------------\n");
        out.append("Model:\t\t\t").append(d.model()).append('\n');
        out.append("Node ID:\t\t").append(d.nodeId()).append('\n');
        if (verbose) {
            out.append("HB interval:\t\t").append(d.heartbeatIntervalMs()).append("ms\n");
            out.append("Sync HB interval:\t").append(d.syncHeartbeatIntervalMs()).append("ms\n");
        }
        if (d.configVersion() != null) {
            out.append("Configuration version:\t").append(Long.toUnsignedString(d.configVersion())).append('\n');
        }
        out.append("Configured node list:\n");
        List<NodeInfo> config = d.configNodeList();
        for (int i = 0; i < config.size(); i++) {
            out.append("    ").append(i).append("\tNode ID = ").append(config.get(i).nodeId());
            if (config.get(i).dataCenterId() != 0) {
                out.append(", Data center ID = ").append(config.get(i).dataCenterId());
            }
            out.append('\n');
        }
        if (verbose) {
            out.append("Heuristics:\t\t").append(d.heuristicsMode().displayName()).append('\n');
            out.append("Ring ID:\t\t").append(d.ringId().toHex()).append('\n');
        }
        out.append("Membership node list:\t");
        for (int i = 0; i < d.membershipNodeIds().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(d.membershipNodeIds().get(i));
        }
        out.append('\n');
        if (verbose) {
            out.append("Quorate:\t\t").append(d.quorate() ? "Yes" : "No").append('\n');
            out.append("Quorum node list:\n");
            List<VotequorumNode> quorum = d.quorumNodeList();
            for (int i = 0; i < quorum.size(); i++) {
                VotequorumNode node = quorum.get(i);
                if (node.nodeId() == 0) {
                    continue;
                }
                out.append("    ").append(i).append("\tNode ID = ").append(node.nodeId())
                        .append(", State = ").append(node.state().displayName()).append('\n');
            }
            out.append("Expected votes:\t\t").append(d.expectedVotes()).append('\n');
            out.append("Last poll call:\t\t");
            if (d.lastPollCall() == null) {
                out.append("Never\n");
            } else {
                out.append(time(d.lastPollCall(), zone)).append(d.lastPollCastVote() ? " (cast vote)" : "").append('\n');
            }
        }
    }

    private static void appendNet(StringBuilder out, QdeviceNetInfo n, QdeviceInfo d, boolean verbose, ZoneId zone) {
        // 22 dashes under a 23-character title: a quirk of the C daemon kept for parsers.
        out.append("Qdevice-net information\n----------------------\n");
        out.append("Cluster name:\t\t").append(n.clusterName()).append('\n');
        out.append("QNetd host:\t\t").append(n.qnetdHost()).append(':').append(n.qnetdPort()).append('\n');
        if (verbose) {
            if (n.forceIpVersion() != 0) {
                out.append("Force IP version:\t").append(n.forceIpVersion()).append('\n');
            }
            out.append("Connect timeout:\t").append(n.connectTimeoutMs()).append("ms\n");
            out.append("HB interval:\t\t").append(n.heartbeatIntervalMs()).append("ms\n");
            out.append("VQ vote timer interval:\t").append(n.voteTimerIntervalMs()).append("ms\n");
            out.append("TLS:\t\t\t").append(n.tls().displayName()).append('\n');
        }
        out.append("Algorithm:\t\t").append(n.algorithm().displayName()).append('\n');
        out.append("Tie-breaker:\t\t").append(n.tieBreaker().displayText()).append('\n');
        if (verbose) {
            out.append("KAP Tie-breaker:\t").append(n.kapTieBreaker().displayName()).append('\n');
            out.append("Poll timer running:\t").append(n.pollTimerRunning() ? "Yes" : "No")
                    .append(n.pollTimerRunning() && n.pollTimerCastVote() ? " (cast vote)" : "").append('\n');
        }
        out.append("State:\t\t\t").append(n.state().displayName()).append('\n');
        if (d.heuristicsMode().active()) {
            out.append("Heuristics result:\t").append(n.heuristicsResult().displayName());
            if (verbose) {
                out.append(" (regular: ").append(n.regularHeuristics().displayName())
                        .append(", membership: ").append(n.membershipHeuristics().displayName())
                        .append(", connect: ").append(n.connectHeuristics().displayName()).append(')');
            }
            out.append('\n');
        }
        if (verbose && n.sessionEstablished()) {
            out.append("TLS active:\t\t").append(n.tlsActive() ? "Yes" : "No")
                    .append(n.tlsActive() && n.clientCertificateSent() ? " (client certificate sent)" : "").append('\n');
            if (n.connectedSince() != null) {
                out.append("Connected since:\t").append(time(n.connectedSince(), zone)).append('\n');
            }
            if (n.echoReplyReceived() != null) {
                out.append("Echo reply received:\t").append(time(n.echoReplyReceived(), zone)).append('\n');
            }
        }
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(LocalDateTime.ofInstant(instant, zone));
    }
}
