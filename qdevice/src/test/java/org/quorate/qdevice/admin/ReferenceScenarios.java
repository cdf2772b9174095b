package org.quorate.qdevice.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;

/** The qdevice states (node 1, lab clock in UTC) behind the captured reference outputs. */
final class ReferenceScenarios {
    private ReferenceScenarios() {
    }

    static QdeviceStatusSnapshot forFile(String file) {
        return switch (file) {
            case "2n-ffsplit-tls.txt" -> node1(2, 3, TlsSupported.SUPPORTED, DecisionAlgorithm.FFSPLIT,
                    "2026-11-28T00:03:28Z", "2026-11-28T00:03:16Z", "2026-11-28T00:03:24Z");
            case "2n-ffsplit-notls.txt" -> node1(2, 3, TlsSupported.UNSUPPORTED, DecisionAlgorithm.FFSPLIT,
                    "2026-11-28T00:04:16Z", "2026-11-28T00:04:04Z", "2026-11-28T00:04:12Z");
            case "3n-lms-2links.txt" -> node1(3, 5, TlsSupported.SUPPORTED, DecisionAlgorithm.LMS,
                    "2026-11-28T00:03:45Z", "2026-11-28T00:03:32Z", "2026-11-28T00:03:40Z");
            case "4n-ffsplit.txt" -> node1(4, 5, TlsSupported.SUPPORTED, DecisionAlgorithm.FFSPLIT,
                    "2026-11-28T00:04:02Z", "2026-11-28T00:03:49Z", "2026-11-28T00:03:57Z");
            default -> throw new IllegalArgumentException(file);
        };
    }

    private static QdeviceStatusSnapshot node1(int nodes, long expectedVotes, TlsSupported tls,
                                               DecisionAlgorithm algorithm, String poll, String since, String echo) {
        List<NodeInfo> config = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        List<VotequorumNode> quorum = new ArrayList<>();
        for (long id = 1; id <= nodes; id++) {
            config.add(NodeInfo.of(id));
            members.add(id);
        }
        // votequorum reports the local node last in these captures.
        for (long id = 2; id <= nodes; id++) {
            quorum.add(new VotequorumNode(id, NodeState.MEMBER));
        }
        quorum.add(new VotequorumNode(1, NodeState.MEMBER));
        QdeviceInfo device = QdeviceInfo.builder(1)
                .intervals(10000, 30000)
                .configVersion(1L)
                .configNodeList(config)
                .ringId(new RingId(1, 9))
                .membershipNodeIds(members)
                .quorate(true)
                .quorumNodeList(quorum)
                .expectedVotes(expectedVotes)
                .lastPoll(Instant.parse(poll), true)
                .build();
        QdeviceNetInfo net = QdeviceNetInfo.builder("lab1", "198.18.0.100", 5403)
                .intervals(8000, 8000, 5000)
                .tls(tls)
                .algorithm(algorithm)
                .tieBreaker(TieBreaker.LOWEST)
                .kapTieBreaker(KapTieBreakerStatus.of(algorithm, true, true, true))
                .pollTimer(true, true)
                .state(QdeviceConnectionState.CONNECTED)
                .tlsSession(tls != TlsSupported.UNSUPPORTED, tls != TlsSupported.UNSUPPORTED)
                .times(Instant.parse(since), Instant.parse(echo))
                .build();
        return new QdeviceStatusSnapshot(device, net);
    }
}
