package org.quorate.qnetd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;

/** The branches of §12.2/§12.3 that the lab captures do not reach. */
class QnetdStatusFormatterTest {
    private static QnetdStatusSnapshot snapshot(QnetdServerStatus server, QnetdClusterStatus... clusters) {
        return new QnetdStatusSnapshot(server, List.of(clusters));
    }

    private static final QnetdServerStatus SERVER =
            new QnetdServerStatus("198.18.0.100", 5403, TlsSupported.REQUIRED, false, 3, 50, 1000, 2000);

    @Test
    void statusWithListenAddressMaxClientsAndNoClientCertificate() {
        assertThat(QnetdStatusFormatter.status(snapshot(SERVER), true)).isEqualTo(
                "QNetd address:\t\t\t198.18.0.100:5403\n"
                        + "TLS:\t\t\t\tRequired\n"
                        + "Connected clients:\t\t3\n"
                        + "Connected clusters:\t\t0\n"
                        + "Maximum allowed clients:\t50\n"
                        + "Maximum send/receive size:\t1000/2000 bytes\n");
    }

    @Test
    void clientCertificateSuffixOnlyWhenTlsIsOn() {
        QnetdServerStatus off = new QnetdServerStatus(null, 5403, TlsSupported.UNSUPPORTED, true, 0, 0, 1, 1);
        assertThat(QnetdStatusFormatter.status(snapshot(off), false)).contains("TLS:\t\t\t\tUnsupported\n");
    }

    @Test
    void emptyServerListsNothing() {
        assertThat(QnetdStatusFormatter.list(snapshot(SERVER), true, null)).isEmpty();
    }

    @Test
    void rareClientFields() {
        QnetdClientStatus client = QnetdClientStatus.builder(4000000000L)
                .address("2001:db8::1:40000")
                .heartbeatIntervalMs(1000)
                .configNodeList(List.of(new NodeInfo(1, 7, NodeState.NOT_SET), NodeInfo.of(4000000000L)))
                .ringId(new RingId(1, 0xa00000000021b40L))
                .membershipNodeList(List.of())
                .heuristics(HeuristicsResult.FAIL, HeuristicsResult.PASS, HeuristicsResult.FAIL)
                .tls(true, false)
                .votes(Vote.ASK_LATER, Vote.UNDEFINED)
                .algorithm(DecisionAlgorithm.TWO_NODE_LMS)
                .tieBreaker(TieBreaker.nodeId(42))
                .build();
        QnetdClusterStatus cluster = new QnetdClusterStatus("c\"x", List.of(client));
        assertThat(QnetdStatusFormatter.list(snapshot(SERVER, cluster), false, null)).isEqualTo(
                "Cluster \"c\"x\":\n"
                        + "    Algorithm:\t\t2 Node LMS\n"
                        + "    Tie-breaker:\tNode with node ID 42\n"
                        + "    Node ID 4000000000:\n"
                        + "        Client address:\t\t2001:db8::1:40000\n"
                        + "        Configured node list:\t1 (7), 4000000000\n"
                        + "        Heuristics:\t\tFail\n"
                        + "        Vote:\t\t\tAsk later\n");
        assertThat(QnetdStatusFormatter.list(snapshot(SERVER, cluster), true, null)).isEqualTo(
                "Cluster \"c\"x\":\n"
                        + "    Algorithm:\t\t2 Node LMS\n"
                        + "    Tie-breaker:\tNode with node ID 42\n"
                        + "    Node ID 4000000000:\n"
                        + "        Client address:\t\t2001:db8::1:40000\n"
                        + "        HB interval:\t\t1000ms\n"
                        + "        Configured node list:\t1 (7), 4000000000\n"
                        + "        Ring ID:\t\t1.a00000000021b40\n"
                        + "        Heuristics:\t\tFail (membership: Pass, regular: Fail)\n"
                        + "        TLS active:\t\tYes\n"
                        + "        Vote:\t\t\tAsk later\n");
    }

    @Test
    void aClientThatNeverVotedAndSentNoListsShowsOnlyItsAddress() {
        QnetdClientStatus fresh = QnetdClientStatus.builder(3).address("::ffff:198.18.1.3:1").build();
        String text = QnetdStatusFormatter.list(snapshot(SERVER, new QnetdClusterStatus("a", List.of(fresh))), false, null);
        assertThat(text).isEqualTo("Cluster \"a\":\n    Algorithm:\t\tFifty-Fifty split\n"
                + "    Tie-breaker:\tNode with lowest node ID\n    Node ID 3:\n        Client address:\t\t::ffff:198.18.1.3:1\n");
    }

    @Test
    void kapMarkerNeedsEveryClientOnFfsplitWithKap() {
        QnetdClientStatus on = QnetdClientStatus.builder(1).keepActivePartitionTieBreaker(true).build();
        QnetdClientStatus off = QnetdClientStatus.builder(2).keepActivePartitionTieBreaker(false).build();
        assertThat(new QnetdClusterStatus("a", List.of(on)).keepActivePartitionTieBreakerActive()).isTrue();
        assertThat(new QnetdClusterStatus("a", List.of(on, off)).keepActivePartitionTieBreakerActive()).isFalse();
        assertThat(QnetdStatusFormatter.list(snapshot(SERVER, new QnetdClusterStatus("a", List.of(off, on))), false, null))
                .contains("    Algorithm:\t\tFifty-Fifty split\n");
    }

    @Test
    void clusterFilterIsExactAndCaseSensitiveAndEmptyMeansAll() {
        QnetdClusterStatus a = new QnetdClusterStatus("Alpha", List.of(QnetdClientStatus.builder(1).build()));
        QnetdClusterStatus b = new QnetdClusterStatus("beta", List.of(QnetdClientStatus.builder(1).build()));
        QnetdStatusSnapshot s = snapshot(SERVER, a, b);
        assertThat(QnetdStatusFormatter.list(s, false, "beta")).startsWith("Cluster \"beta\"").doesNotContain("Alpha");
        assertThat(QnetdStatusFormatter.list(s, false, "alpha")).isEmpty();
        assertThat(QnetdStatusFormatter.list(s, false, "")).contains("Alpha").contains("beta");
        assertThat(QnetdStatusFormatter.list(s, false, null).indexOf("Alpha"))
                .isLessThan(QnetdStatusFormatter.list(s, false, null).indexOf("beta"));
    }
}
