package org.quorate.qnetd.admin;

import java.util.ArrayList;
import java.util.List;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;

/** The server states behind the captured reference outputs of the realstack lab. */
final class ReferenceScenarios {
    private ReferenceScenarios() {
    }

    static QnetdStatusSnapshot forFile(String file) {
        return switch (file) {
            case "2n-ffsplit-tls.txt" -> lab(TlsSupported.SUPPORTED, DecisionAlgorithm.FFSPLIT, Vote.NO_CHANGE,
                    List.of("::ffff:198.18.1.1:50122", "::ffff:198.18.1.2:35678"));
            case "2n-ffsplit-notls.txt" -> lab(TlsSupported.UNSUPPORTED, DecisionAlgorithm.FFSPLIT, Vote.NO_CHANGE,
                    List.of("::ffff:198.18.1.1:58764", "::ffff:198.18.1.2:44594"));
            case "3n-lms-2links.txt" -> lab(TlsSupported.SUPPORTED, DecisionAlgorithm.LMS, Vote.ACK,
                    List.of("::ffff:198.18.1.1:55318", "::ffff:198.18.1.2:45420", "::ffff:198.18.1.3:33450"));
            case "4n-ffsplit.txt" -> lab(TlsSupported.SUPPORTED, DecisionAlgorithm.FFSPLIT, Vote.NO_CHANGE,
                    List.of("::ffff:198.18.1.1:56148", "::ffff:198.18.1.2:52996", "::ffff:198.18.1.3:44650",
                            "::ffff:198.18.1.4:43482"));
            default -> throw new IllegalArgumentException(file);
        };
    }

    /** Cluster lab1, nodes 1..n all in ring 1.9, every node has voted; -c on (the default). */
    private static QnetdStatusSnapshot lab(TlsSupported tls, DecisionAlgorithm algorithm, Vote vote,
                                           List<String> addresses) {
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 1; i <= addresses.size(); i++) {
            nodes.add(NodeInfo.of(i));
        }
        List<QnetdClientStatus> clients = new ArrayList<>();
        // Given in reverse to show that the model orders clients by node id.
        for (int i = addresses.size(); i >= 1; i--) {
            clients.add(QnetdClientStatus.builder(i)
                    .address(addresses.get(i - 1))
                    .heartbeatIntervalMs(8000)
                    .configVersion(1L)
                    .configNodeList(nodes)
                    .ringId(new RingId(1, 9))
                    .membershipNodeList(nodes)
                    .tls(tls != TlsSupported.UNSUPPORTED, tls != TlsSupported.UNSUPPORTED)
                    .votes(vote, Vote.ACK)
                    .algorithm(algorithm)
                    .tieBreaker(TieBreaker.LOWEST)
                    // The qdevice sends KAP enabled by default; only ffsplit shows it.
                    .keepActivePartitionTieBreaker(true)
                    .build());
        }
        QnetdServerStatus server = new QnetdServerStatus(null, 5403, tls, true, addresses.size(), 0, 32768, 32768);
        return new QnetdStatusSnapshot(server, List.of(new QnetdClusterStatus("lab1", clients)));
    }
}
