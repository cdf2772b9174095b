package org.quorate.qdevice.daemon;

import org.quorate.protocol.NodeInfo;
import org.quorate.qdevice.admin.KapTieBreakerStatus;
import org.quorate.qdevice.admin.QdeviceConnectionState;
import org.quorate.qdevice.admin.QdeviceHeuristicsMode;
import org.quorate.qdevice.admin.QdeviceInfo;
import org.quorate.qdevice.admin.QdeviceNetInfo;
import org.quorate.qdevice.admin.QdeviceStatusSnapshot;
import org.quorate.qdevice.admin.VotequorumNode;
import org.quorate.qdevice.backend.DeviceSettings;
import org.quorate.qdevice.backend.NetSettings;
import org.quorate.qdevice.backend.QdeviceConfig;
import org.quorate.qdevice.net.CastVoteTimer;
import org.quorate.qdevice.net.NetClient;
import org.quorate.qdevice.net.NodeView;

import java.time.Instant;
import java.util.List;

/** Copies the daemon's live state into the snapshot the status socket prints. Event-loop thread only. */
final class QdeviceStatus {
    private QdeviceStatus() {
    }

    static QdeviceStatusSnapshot take(NetClient client) {
        QdeviceConfig config = client.config();
        DeviceSettings device = config.device();
        NetSettings net = client.net();
        NodeView node = client.node();
        CastVoteTimer vote = client.castVote();
        List<NodeInfo> configNodes = config.nodes().stream().map(n -> new NodeInfo(n.nodeId(), n.datacenterId(), null)).toList();
        QdeviceInfo info = QdeviceInfo.builder(config.localNodeId())
                .model("Net")
                .intervals(device.timeoutMs(), device.syncTimeoutMs())
                .configVersion(config.configVersion().isPresent() ? config.configVersion().getAsLong() : null)
                .configNodeList(configNodes)
                .heuristicsMode(switch (client.heuristics().mode()) {
                    case OFF -> QdeviceHeuristicsMode.DISABLED;
                    case ON -> QdeviceHeuristicsMode.ENABLED;
                    case SYNC -> QdeviceHeuristicsMode.SYNC;
                })
                .ringId(node.ringId())
                .membershipNodeIds(node.memberIds())
                .quorate(node.quorate())
                .quorumNodeList(node.quorumNodes().stream().map(n -> new VotequorumNode(n.nodeId(), n.state())).toList())
                .expectedVotes(node.expectedVotes())
                .lastPoll(vote.lastPollMillis() == 0 ? null : Instant.ofEpochMilli(vote.lastPollMillis()),
                        vote.lastPollCastVote())
                .build();
        boolean connected = client.state().connected();
        QdeviceNetInfo netInfo = QdeviceNetInfo.builder(config.clusterName(), net.host(), net.port())
                .forceIpVersion(net.forceIpVersion())
                .intervals(net.connectTimeoutMs(), net.heartbeatIntervalMs(), vote.intervalMs())
                .tls(net.tls())
                .algorithm(net.algorithm())
                .tieBreaker(net.tieBreaker())
                .kapTieBreaker(KapTieBreakerStatus.of(net.algorithm(), net.keepActivePartitionTieBreaker(), connected,
                        client.serverSupportsKap()))
                .pollTimer(vote.running(), vote.vote() == org.quorate.protocol.Vote.ACK)
                .state(connectionState(client))
                .heuristics(node.lastHeuristics(), client.regularHeuristics(), client.membershipHeuristics(),
                        client.connectHeuristics())
                .tlsSession(client.tlsActive(), client.clientCertificateSent())
                .times(connected ? Instant.ofEpochMilli(client.connectedSinceMillis()) : null,
                        connected && client.lastEchoReplyMillis() != 0 ? Instant.ofEpochMilli(client.lastEchoReplyMillis()) : null)
                .build();
        return new QdeviceStatusSnapshot(info, netInfo);
    }

    private static QdeviceConnectionState connectionState(NetClient client) {
        if (client.state().connected()) {
            return QdeviceConnectionState.CONNECTED;
        }
        if (client.connectFailed()) {
            return QdeviceConnectionState.CONNECT_FAILED;
        }
        return QdeviceConnectionState.CONNECTING;
    }

}
