package org.quorate.qnetd.server;

import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.qnetd.admin.QnetdClientStatus;
import org.quorate.qnetd.admin.QnetdClusterStatus;
import org.quorate.qnetd.admin.QnetdServerStatus;
import org.quorate.qnetd.admin.QnetdStatusSnapshot;
import org.quorate.qnetd.algorithm.ClientState;
import org.quorate.qnetd.algorithm.ClusterState;
import org.quorate.qnetd.config.QnetdSettings;

import java.util.ArrayList;
import java.util.List;

import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_RECEIVE_SIZE;
import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_SEND_SIZE;

/** Copies the live server state into the immutable picture the admin socket prints. Logic thread only. */
public final class StatusSnapshots {
    private StatusSnapshots() {
    }

    public static QnetdStatusSnapshot take(ServerContext context, int boundPort) {
        QnetdSettings s = context.settings();
        QnetdServerStatus server = new QnetdServerStatus(s.displayListenAddress(), boundPort, s.tls(),
                s.tls() != TlsSupported.UNSUPPORTED && s.clientCertRequired(), context.registry().connectionCount(),
                s.maxClients(), s.get(MAX_CLIENT_SEND_SIZE), s.get(MAX_CLIENT_RECEIVE_SIZE));
        List<QnetdClusterStatus> clusters = new ArrayList<>();
        for (ClusterState cluster : context.registry().clusters()) {
            List<QnetdClientStatus> clients = new ArrayList<>();
            for (ClientState client : cluster.clients()) {
                ClientSession session = context.registry().sessionOf(client);
                if (session == null || !session.initialised()) {
                    continue; // only clients that completed INIT are listed
                }
                clients.add(client(client, session));
            }
            clusters.add(new QnetdClusterStatus(cluster.name(), clients));
        }
        return new QnetdStatusSnapshot(server, clusters);
    }

    private static QnetdClientStatus client(ClientState c, ClientSession session) {
        return QnetdClientStatus.builder(c.nodeId())
                .address(session.connection().remoteAddress())
                .heartbeatIntervalMs(session.heartbeatMs())
                .configVersion(c.configVersion().isPresent() ? c.configVersion().getAsLong() : null)
                .configNodeList(c.configNodes())
                .ringId(c.ringId())
                .membershipNodeList(c.membershipNodes())
                .heuristics(c.lastHeuristics(), c.membershipHeuristics(), c.regularHeuristics())
                .tls(session.tlsStarted(), session.certificateVerified())
                .votes(c.lastSentVote() == null ? Vote.UNDEFINED : c.lastSentVote(),
                        c.lastSentAckNackVote() == null ? Vote.UNDEFINED : c.lastSentAckNackVote())
                .algorithm(c.algorithm())
                .tieBreaker(c.tieBreaker())
                .keepActivePartitionTieBreaker(c.keepActivePartition())
                .build();
    }
}
