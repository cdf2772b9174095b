package org.quorate.qdevice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.NodeState;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;

class QdeviceStatusFormatterTest {
    /**
     * Proxmox VE (PVE::API2::ClusterConfig / pvecm qdevice status) reads these keys from
     * {@code corosync-qdevice-tool -sv}; their exact spelling and separators must not change.
     */
    @Test
    void linesParsedByProxmoxAreExact() {
        String text = QdeviceStatusFormatter.status(ReferenceScenarios.forFile("2n-ffsplit-tls.txt"), true, ZoneOffset.UTC);
        List<String> lines = Arrays.asList(text.split("\n"));
        assertThat(lines).contains(
                "Algorithm:\t\tFifty-Fifty split",
                "Echo reply received:\t2026-11-28T00:03:24",
                "Last poll call:\t\t2026-11-28T00:03:28 (cast vote)",
                "Model:\t\t\tNet",
                "QNetd host:\t\t198.18.0.100:5403",
                "State:\t\t\tConnected",
                "Tie-breaker:\t\tNode with lowest node ID");
    }

    @Test
    void timesArePrintedInTheDaemonsLocalZone() {
        Instant t = Instant.parse("2026-11-28T00:03:28Z");
        assertThat(QdeviceStatusFormatter.time(t, ZoneId.of("Europe/Vienna"))).isEqualTo("2026-11-28T01:03:28");
        assertThat(QdeviceStatusFormatter.time(t, ZoneOffset.ofHours(-5))).isEqualTo("2026-11-27T19:03:28");
    }

    @Test
    void disconnectedWithHeuristicsAndRareFields() {
        QdeviceInfo device = QdeviceInfo.builder(2)
                .configNodeList(List.of(new NodeInfo(1, 10, NodeState.NOT_SET), NodeInfo.of(2)))
                .heuristicsMode(QdeviceHeuristicsMode.SYNC)
                .membershipNodeIds(List.of(2L))
                .quorumNodeList(List.of(new VotequorumNode(0, NodeState.MEMBER), new VotequorumNode(2, NodeState.DEAD),
                        new VotequorumNode(1, NodeState.LEAVING)))
                .expectedVotes(3)
                .build();
        QdeviceNetInfo net = QdeviceNetInfo.builder("c", "qnetd.example", 5404)
                .forceIpVersion(6)
                .algorithm(DecisionAlgorithm.TEST)
                .tieBreaker(TieBreaker.nodeId(9))
                .kapTieBreaker(KapTieBreakerStatus.of(DecisionAlgorithm.TEST, true, false, false))
                .pollTimer(true, false)
                .state(QdeviceConnectionState.CONNECT_FAILED)
                .heuristics(HeuristicsResult.PASS, HeuristicsResult.FAIL, HeuristicsResult.UNDEFINED, HeuristicsResult.PASS)
                .build();
        String text = QdeviceStatusFormatter.status(new QdeviceStatusSnapshot(device, net), true, ZoneOffset.UTC);
        assertThat(text).isEqualTo(
                "Qdevice information\n-------------------\n"
                        + "Model:\t\t\tNet\n"
                        + "Node ID:\t\t2\n"
                        + "HB interval:\t\t10000ms\n"
                        + "Sync HB interval:\t30000ms\n"
                        + "Configured node list:\n"
                        + "    0\tNode ID = 1, Data center ID = 10\n"
                        + "    1\tNode ID = 2\n"
                        + "Heuristics:\t\tEnabled only on sync\n"
                        + "Ring ID:\t\t0.0\n"
                        + "Membership node list:\t2\n"
                        + "Quorate:\t\tNo\n"
                        + "Quorum node list:\n"
                        + "    1\tNode ID = 2, State = dead\n"
                        + "    2\tNode ID = 1, State = leaving\n"
                        + "Expected votes:\t\t3\n"
                        + "Last poll call:\t\tNever\n"
                        + "\n"
                        + "Qdevice-net information\n----------------------\n"
                        + "Cluster name:\t\tc\n"
                        + "QNetd host:\t\tqnetd.example:5404\n"
                        + "Force IP version:\t6\n"
                        + "Connect timeout:\t8000ms\n"
                        + "HB interval:\t\t8000ms\n"
                        + "VQ vote timer interval:\t5000ms\n"
                        + "TLS:\t\t\tSupported\n"
                        + "Algorithm:\t\tTest\n"
                        + "Tie-breaker:\t\tNode with node ID 9\n"
                        + "KAP Tie-breaker:\tUnsupported by algorithm\n"
                        + "Poll timer running:\tYes\n"
                        + "State:\t\t\tConnect failed\n"
                        + "Heuristics result:\tPass (regular: Fail, membership: Undefined, connect: Pass)\n");
        String brief = QdeviceStatusFormatter.status(new QdeviceStatusSnapshot(device, net), false, ZoneOffset.UTC);
        assertThat(brief).contains("Heuristics result:\tPass\n").doesNotContain("Force IP").doesNotContain("Quorate");
    }

    @Test
    void emptyMembershipStillPrintsTheKey() {
        QdeviceStatusSnapshot s = new QdeviceStatusSnapshot(QdeviceInfo.builder(1).build(),
                QdeviceNetInfo.builder("c", "h", 1).build());
        assertThat(QdeviceStatusFormatter.status(s, false, ZoneOffset.UTC))
                .contains("Configured node list:\nMembership node list:\t\n")
                .contains("State:\t\t\tConnecting\n");
    }

    @Test
    void kapStatusRules() {
        assertThat(KapTieBreakerStatus.of(DecisionAlgorithm.LMS, false, true, false)).isEqualTo(KapTieBreakerStatus.ALGORITHM_HARD_CODED);
        assertThat(KapTieBreakerStatus.of(DecisionAlgorithm.TWO_NODE_LMS, true, true, true)).isEqualTo(KapTieBreakerStatus.ALGORITHM_HARD_CODED);
        assertThat(KapTieBreakerStatus.of(DecisionAlgorithm.FFSPLIT, false, true, true)).isEqualTo(KapTieBreakerStatus.DISABLED);
        assertThat(KapTieBreakerStatus.of(DecisionAlgorithm.FFSPLIT, true, false, false)).isEqualTo(KapTieBreakerStatus.ENABLED);
        assertThat(KapTieBreakerStatus.of(DecisionAlgorithm.FFSPLIT, true, true, false)).isEqualTo(KapTieBreakerStatus.UNSUPPORTED_BY_QNETD);
        assertThat(KapTieBreakerStatus.UNSUPPORTED_BY_QNETD.displayName()).isEqualTo("Unsupported by QNetd");
    }

    @Test
    void tlsAndTimeLinesFollowTheSessionNotTheStateLine() {
        QdeviceNetInfo pendingDisconnect = QdeviceNetInfo.builder("c", "h", 1)
                .state(QdeviceConnectionState.DISCONNECTED).sessionEstablished(true)
                .tlsSession(true, false).times(Instant.parse("2026-01-01T00:00:00Z"), null).build();
        String text = QdeviceStatusFormatter.status(new QdeviceStatusSnapshot(QdeviceInfo.builder(1).build(), pendingDisconnect),
                true, ZoneOffset.UTC);
        assertThat(text).endsWith("State:\t\t\tDisconnected\nTLS active:\t\tYes\nConnected since:\t2026-01-01T00:00:00\n");
    }
}
