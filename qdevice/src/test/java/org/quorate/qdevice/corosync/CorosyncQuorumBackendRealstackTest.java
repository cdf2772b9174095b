package org.quorate.qdevice.corosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.ExecResult;
import org.quorate.testsupport.lab.LabAddresses;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.TlsMode;

/**
 * {@link CorosyncQuorumBackend} against the real Debian corosync 3.1.7, in private network
 * namespaces. The backend runs in a child JVM inside the namespace (libqb's IPC sockets are
 * abstract unix sockets, which belong to a network namespace); corosync-quorumtool, run in the same
 * namespace, is the independent witness of what votequorum made of our calls.
 */
@Tag("realstack")
@ExtendWith(LogsOnFailure.class)
@Timeout(180)
class CorosyncQuorumBackendRealstackTest {
    private static final Pattern DEVICE_ROW_VOTING = Pattern.compile("(?m)^\\s+0\\s+1\\s+Qdevice$");
    /** Quorum-device timeout in the generated corosync.conf: short, so expiry is quick to see. */
    private static final int DEVICE_TIMEOUT_MS = 2000;

    /**
     * Cluster 1 of {@code nodes} nodes with corosync only: the probe is the device client. TLS off, so no qnetd
     * host or certificates: the net section is read, never dialled. Node i sits in datacenter 10+i, so the
     * backend's read of datacenterid is seen with values that are not the default 0.
     */
    private static ClusterSpec spec(int nodes) {
        ClusterSpec.Builder b = ClusterSpec.builder(1, nodes).name("qbe1").tls(TlsMode.OFF)
                .timeoutMs(DEVICE_TIMEOUT_MS).syncTimeoutMs(5000);
        for (int i = 1; i <= nodes; i++) {
            b.datacenterId(i, 10 + i);
        }
        return b.build();
    }

    /**
     * Starts corosync on {@code nodes} nodes and the probe on node 1, connected to the backend. Should the
     * connect fail, the lab's close stops the probe like its other processes.
     */
    private static ProbeProcess connectedProbe(RealStack stack, int nodes) throws InterruptedException {
        LabCluster cluster = stack.createCluster(spec(nodes));
        cluster.startCorosync();
        ProbeProcess probe = ProbeProcess.start(stack.lab(), cluster.host(1));
        probe.ok("connect");
        return probe;
    }

    @Test
    void singleNodeReadsConfigRegistersAndVotes() throws Exception {
        try (RealStack stack = RealStack.open("qbe-1node");
             ProbeProcess probe = connectedProbe(stack, 1)) {
            LabCluster lab = stack.cluster(1);
            String config = probe.ok("config");
            assertThat(config).startsWith("cluster=qbe").contains(" nodeid=1 configVersion=1 nodes=1/dc11/" + lab.host(1)
                    + " model=net votes=1 timeout=2000 sync_timeout=5000 host=" + LabAddresses.QNETD
                    + " algorithm=ffsplit tls=UNSUPPORTED heuristics=OFF{}");
            assertThat(probe.ok("raw quorum.provider")).isEqualTo("corosync_votequorum");

            probe.ok("track");
            String nodeList = probe.awaitEvent(e -> e.startsWith("nodeList"), Duration.ofSeconds(10));
            assertThat(nodeList).matches("nodeList ring=1\\.[0-9a-f]+ members=\\[1\\]");
            assertThat(probe.awaitEvent(e -> e.startsWith("quorum"), Duration.ofSeconds(10)))
                    .startsWith("quorum quorate=false nodes=1:MEMBER");
            assertThat(probe.awaitEvent(e -> e.startsWith("expectedVotes"), Duration.ofSeconds(10)))
                    .isEqualTo("expectedVotes 2");

            String before = quorumtool(lab, 1);
            print("before register", before);
            assertThat(before).contains("Quorate:          No").doesNotContain("Qdevice");

            probe.ok("register Qdevice");
            probe.ok("masterwins Qdevice 0");
            assertThat(probe.ok("pollring Qdevice 1 1 999999")).startsWith("poll STALE_RING_ID");
            assertThat(probe.ok("poll Qdevice 1")).startsWith("poll ACCEPTED");
            probe.ok("pollevery Qdevice 1 500");
            String voting = awaitQuorumtool(lab, 1, s -> s.contains("A,V,NMW"), "A,V,NMW");
            print("registered, polling with cast_vote=1", voting);
            assertThat(voting).contains("Quorate:          Yes", "Total votes:      2", "Flags:            Quorate Qdevice ");
            assertThat(voting).containsPattern("(?m)^\\s+1\\s+1\\s+A,V,NMW " + lab.host(1) + " \\(local\\)$");
            assertThat(DEVICE_ROW_VOTING.matcher(voting).find()).as("device row with 1 vote").isTrue();
            assertThat(probe.ok("info")).contains("qdeviceName=Qdevice",
                    "flags=QDEVICE_ALIVE,QDEVICE_CAST_VOTE,QDEVICE_REGISTERED,QUORATE");
            assertThat(probe.awaitEvent(e -> e.startsWith("quorum quorate=true"), Duration.ofSeconds(10))).isNotNull();

            probe.ok("stoppoll");
            probe.ok("pollevery Qdevice 0 500");
            String nack = awaitQuorumtool(lab, 1, s -> s.contains("A,NV,NMW"), "A,NV,NMW");
            print("polling with cast_vote=0", nack);
            assertThat(nack).contains("Quorate:          No").containsPattern("(?m)^\\s+0\\s+0\\s+Qdevice \\(votes 1\\)$");

            probe.ok("stoppoll");
            long lastPollAt = System.nanoTime();
            probe.ok("poll Qdevice 1");
            awaitQuorumtool(lab, 1, s -> s.contains("A,V,NMW"), "A,V,NMW again");
            String expired = awaitQuorumtool(lab, 1, s -> s.contains("NA,NV,NMW"), "NA,NV,NMW");
            long waitedMs = (System.nanoTime() - lastPollAt) / 1_000_000;
            print("no poll for longer than quorum.device.timeout (" + DEVICE_TIMEOUT_MS
                    + " ms); seen " + waitedMs + " ms after the last poll", expired);
            assertThat(waitedMs).isBetween(DEVICE_TIMEOUT_MS - 100L, DEVICE_TIMEOUT_MS + 3000L);
            assertThat(expired).contains("Quorate:          No");

            // A config change under a tracked prefix reaches the listener.
            stack.lab().execOk(lab.host(1), "corosync-cmapctl", "-s", "quorum.device.heuristics.mode", "str", "on");
            assertThat(probe.awaitEvent(e -> e.startsWith("configChanged"), Duration.ofSeconds(10)))
                    .isEqualTo("configChanged [quorum.device.heuristics.mode]");
            assertThat(probe.ok("raw quorum.device.heuristics.mode")).isEqualTo("on");

            probe.ok("unregister Qdevice");
            String unregistered = awaitQuorumtool(lab, 1, s -> !s.contains("Qdevice"), "no Qdevice row");
            print("after unregister", unregistered);
            assertThat(probe.command("poll Qdevice 1")).startsWith("ERR CS_ERR_NOT_EXIST");

            // corosync goes away: the listener hears it once, later calls fail with a clear code.
            lab.kill(1, LabCluster.COROSYNC, "KILL");
            assertThat(probe.awaitEvent(e -> e.startsWith("backendLost"), Duration.ofSeconds(10)))
                    .contains("CS_ERR_LIBRARY");
            assertThat(probe.command("register Qdevice")).startsWith("ERR CS_ERR_");
            probe.ok("close");
            assertThat(probe.command("connect")).startsWith("ERR CS_ERR_LIBRARY cmap_initialize failed");
        }
    }

    @Test
    void twoNodesSeeTheDeviceAndItsRingFollowsMembership() throws Exception {
        try (RealStack stack = RealStack.open("qbe-2nodes");
             ProbeProcess probe = connectedProbe(stack, 2)) {
            LabCluster lab = stack.cluster(1);
            assertThat(probe.ok("config")).contains("nodes=1/dc11/" + lab.host(1) + ",2/dc12/" + lab.host(2));
            probe.ok("track");
            probe.awaitEvent(e -> e.matches("nodeList ring=\\S+ members=\\[1, 2\\]"), Duration.ofSeconds(20));
            probe.ok("register Qdevice");
            probe.ok("masterwins Qdevice 0");
            probe.ok("pollevery Qdevice 1 500");
            String n1 = awaitQuorumtool(lab, 1, s -> s.contains("Total votes:      3"), "3 votes on node 1");
            print("node 1 (device registered here)", n1);
            assertThat(n1).contains("Expected votes:   3", "Quorate:          Yes")
                    .containsPattern("(?m)^\\s+1\\s+1\\s+A,V,NMW " + lab.host(1) + " \\(local\\)$")
                    .containsPattern("(?m)^\\s+2\\s+1\\s+NR " + lab.host(2) + "$");
            String n2 = awaitQuorumtool(lab, 2, s -> s.contains("A,V,NMW"), "node 1's device seen from node 2");
            print("node 2 (no device)", n2);
            assertThat(n2).containsPattern("(?m)^\\s+2\\s+1\\s+NR " + lab.host(2) + " \\(local\\)$");

            probe.clearEvents();
            lab.kill(2, LabCluster.COROSYNC, "KILL");
            String newRing = probe.awaitEvent(e -> e.matches("nodeList ring=\\S+ members=\\[1\\]"), Duration.ofSeconds(20));
            // The poller quotes the newest ring id, so votequorum keeps counting the device's vote.
            String alone = awaitQuorumtool(lab, 1, s -> s.contains("Nodes:            1")
                    && s.contains("A,V,NMW") && s.contains("Quorate:          Yes"), "node 1 alone, still quorate");
            print("node 2 killed; " + newRing, alone);
            assertThat(alone).contains("Total votes:      2");
        }
    }

    private static String awaitQuorumtool(LabCluster lab, int node, Predicate<String> p, String what)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = quorumtool(lab, node);
            if (p.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        return fail("corosync-quorumtool -s on node " + node + " never showed " + what + "; last:\n" + last);
    }

    /** {@code corosync-quorumtool -s}, stdout and stderr; its exit code says "not quorate" too, so it is not checked. */
    private static String quorumtool(LabCluster lab, int node) {
        ExecResult r = lab.quorumTool(node);
        return r.stdout() + r.stderr();
    }

    private static void print(String title, String text) {
        System.out.println("===== " + title + " =====\n" + text);
    }
}
