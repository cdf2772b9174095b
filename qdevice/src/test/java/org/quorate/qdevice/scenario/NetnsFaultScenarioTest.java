package org.quorate.qdevice.scenario;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quorate.qdevice.scenario.QuorumNetwork.Direction;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.Await;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.NetnsLab;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.StackCommands;
import org.quorate.testsupport.lab.TlsMode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FaultScenarioTest}'s faults on real sockets between real processes: Quorate's qnetd in one network
 * namespace, a 2-node real corosync cluster with Quorate's corosync-qdevice in two others, and the faults put
 * in by the namespace lab (iptables for cuts, {@code ss -K} for a lost connection). Same
 * cluster (2 nodes, ffsplit, both in one membership, so qnetd has no reason to move the vote) and the same
 * expected outcomes. A node's vote is what its own {@code corosync-quorumtool -s} shows for itself (A,V or
 * A,NV). {@code quorum.device.timeout} 3750 ms gives the scenario's 3 s heartbeat (0.8 x timeout).
 *
 * <p>The delay scenario is not here: this machine's kernel is built without sch_netem
 * ({@code CONFIG_NET_SCH_NETEM} is not set), so {@link org.quorate.testsupport.lab.NetnsLab#delay} cannot run on
 * it. Delay is covered by FaultScenarioTest on the in-memory network and through the loopback FaultProxy.
 */
@Tag("realstack")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogsOnFailure.class)
class NetnsFaultScenarioTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(ScenarioConfig.HEARTBEAT_MS);
    private static final Duration SETTLE = Duration.ofSeconds(40);
    private static final String QNETD = RealStack.QNETD_HOST;

    private RealStack stack;
    private LabCluster cluster;
    private NetnsLab lab;
    private String node2;

    @BeforeAll
    void startStack() {
        List<String> qnetd = JavaCommand.of("org.quorate.qnetd.daemon.QnetdMain");
        qnetd.add("-f");
        List<String> qdevice = JavaCommand.of("org.quorate.qdevice.daemon.QdeviceMain");
        qdevice.add("-f");
        stack = RealStack.open("netnsfaults", StackCommands.debian().withQnetd(qnetd).withQdevice(qdevice));
        lab = stack.lab();
        stack.startQnetd(TlsMode.OFF);
        cluster = stack.createCluster(ClusterSpec.builder(1, 2).tls(TlsMode.OFF)
                .timeoutMs((int) (ScenarioConfig.HEARTBEAT_MS * 10 / 8)).build());
        node2 = cluster.host(2);
        cluster.start();
        cluster.awaitQuorateWithQdevice(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void bothNodesVote() {
        awaitVotes("both nodes cast the vote", true, true, SETTLE);
    }

    @AfterEach
    void healEverything() {
        lab.heal();
    }

    @ParameterizedTest(name = "cut {0}")
    @EnumSource(Direction.class)
    void aNodeCutFromQnetdLosesTheVoteItsPeerKeepsItAndHealingBringsItBack(Direction direction) {
        long start = System.nanoTime();
        switch (direction) {
            case TO_QNETD -> lab.cutOneWay(node2, QNETD);     // dropped in qnetd's INPUT
            case FROM_QNETD -> lab.cutOneWay(QNETD, node2);   // dropped in node 2's INPUT
            case BOTH -> lab.cut(node2, QNETD);
        }
        // node 2 sees no echo reply within its heartbeat (qnetd's dead-peer timer no heartbeat): it drops the
        // connection and withdraws its vote; node 1 is untouched
        awaitVotes("node 2 cut " + direction + " loses the vote", true, false, SETTLE);
        long lost = System.nanoTime();
        Await.sleep(HEARTBEAT.multipliedBy(2));
        assertThat(votes(2)).as("node 2 stays without the vote while cut").isFalse();
        assertThat(votes(1)).as("node 1 keeps the vote").isTrue();
        lab.heal(node2, QNETD);
        long healed = System.nanoTime();
        awaitVotes("healed: node 2 reconnects and casts again", true, true, SETTLE);
        lab.event(String.format("scenario cut %s: vote lost %d ms after the cut, back %d ms after heal",
                direction, (lost - start) / 1_000_000, (System.nanoTime() - healed) / 1_000_000));
    }

    @Test
    void aLostConnectionReconnectsAndGetsTheVoteBack() {
        String first = connectionToQnetd();
        long start = System.nanoTime();
        assertThat(lab.dropConnections(node2, QNETD)).as("sockets of node 2 to qnetd killed").isEqualTo(1);
        Await.until("node 2 reconnects on a new socket", SETTLE, Duration.ofMillis(100), this::connectionToQnetdOrNone,
                c -> !c.isEmpty() && !c.equals(first), c -> "node 2 to qnetd: '" + c + "' (first was '" + first + "')");
        long reconnected = System.nanoTime();
        awaitVotes("node 2 casts again on its new connection", true, true, SETTLE);
        lab.event(String.format("scenario lost connection: reconnected after %d ms, both vote %d ms after the drop",
                (reconnected - start) / 1_000_000, (System.nanoTime() - start) / 1_000_000));
    }

    // ------------------------------------------------------------------ observing the real processes

    /** Whether node {@code node}'s own votequorum shows its qdevice alive and casting the vote. */
    private boolean votes(int node) {
        return cluster.quorum(node).member(node).map(m -> m.qdeviceAlive() && m.qdeviceVoting()).orElse(false);
    }

    private void awaitVotes(String what, boolean node1, boolean node2Votes, Duration timeout) {
        Await.until(what, timeout, Duration.ofMillis(200), () -> List.of(votes(1), votes(2)),
                v -> v.equals(List.of(node1, node2Votes)), v -> "votes (node 1, node 2) " + v + "\n"
                        + "  node 1: " + cluster.quorum(1).compact() + "\n  node 2: " + cluster.quorum(2).compact());
    }

    /** Node 2's established TCP connection to qnetd ("local -> peer"), failing unless there is exactly one. */
    private String connectionToQnetd() {
        String c = connectionToQnetdOrNone();
        assertThat(c).as("node 2's one established connection to qnetd").isNotEmpty().doesNotContain("\n");
        return c;
    }

    private String connectionToQnetdOrNone() {
        String qnetdAddress = lab.host(QNETD).address();
        return lab.exec(node2, "ss", "-Htn", "state", "established", "dst", qnetdAddress).requireOk().stdout()
                .lines().map(NetnsFaultScenarioTest::endpoints).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** "local peer" of one {@code ss -Htn state established} line (Recv-Q and Send-Q change from call to call). */
    private static String endpoints(String ssLine) {
        String[] f = ssLine.trim().split("\\s+");
        return f.length >= 4 ? f[2] + " -> " + f[3] : ssLine.trim();
    }

}
