package org.quorate.qnetd.docker;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.lab.QuorumMember;
import org.quorate.testsupport.lab.QuorumStatus;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #3 A: the Quorate qnetd jar on an independent Debian host (a JRE and nothing else) arbitrates a real
 * 2-node corosync cluster whose C corosync-qdevice connects with TLS and a client certificate signed by the CA
 * the jar created on its first start. Runs in the integration-test phase, after the shaded jar is packaged.
 * Fails (does not skip) without a Docker engine or the local images.
 */
@Tag("docker")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QnetdJarOnDebianIT {
    private static final Duration UP = Duration.ofSeconds(60);
    private static final Duration SPLIT = Duration.ofSeconds(40);

    private Network network;
    private QuorateQnetdHost qnetd;
    private TwoNodeCorosync cluster;

    @BeforeAll
    void startHosts() {
        DockerLab.requireEngine();
        network = DockerLab.internalNetwork();
        qnetd = new QuorateQnetdHost(network, QuorateQnetdHost.shadedJar());
        cluster = new TwoNodeCorosync(network);
        Startables.deepStart(cluster.containers()).join();
        qnetd.start(); // the nodes' names must resolve before corosync starts; qnetd's CA must exist before certs
        cluster.configure(qnetd);
        cluster.startDaemons();
    }

    @AfterAll
    void stopHosts() {
        if (cluster != null) {
            cluster.close();
        }
        if (qnetd != null) {
            qnetd.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesAreQuorateWithTheVoteOfTheQuorateQnetd() {
        withDiagnostics(() -> {
            for (int id = 1; id <= 2; id++) {
                QuorumStatus s = cluster.await(id, "quorate with the qdevice vote", UP, st -> st.quorateWithQdevice(2));
                assertThat(s.flags()).contains("Quorate", "Qdevice");
                assertThat(s.members()).extracting(QuorumMember::qdeviceFlags).containsExactly("A,V,NMW", "A,V,NMW");
                assertThat(s.qdeviceVotes()).isEqualTo(1);
                System.out.println("n" + id + " corosync-quorumtool -s:\n" + cluster.quorumtool(id));
            }
            String list = qnetd.tool("-l", "-v");
            System.out.println("qnetd corosync-qnetd-tool -l -v:\n" + list);
            assertThat(list).contains("Cluster \"" + TwoNodeCorosync.CLUSTER + "\":", "Node ID 1:", "Node ID 2:",
                    "TLS active:\t\tYes (client certificate verified)");
            assertThat(qnetd.log()).contains("joined cluster \"" + TwoNodeCorosync.CLUSTER + "\" as node 1",
                    "joined cluster \"" + TwoNodeCorosync.CLUSTER + "\" as node 2");
        });
    }

    @Test
    @Order(2)
    void aSplitBetweenTheNodesLeavesOnlyTheLowestNodeQuorate() {
        withDiagnostics(() -> {
            cluster.await(1, "quorate with the qdevice vote", UP, st -> st.quorateWithQdevice(2));
            cluster.cut();
            // ffsplit, tie_breaker lowest: node 1 keeps the qdevice vote alone, node 2 loses it.
            QuorumStatus n1 = cluster.await(1, "alone and quorate with the qdevice vote", SPLIT,
                    st -> st.quorateWithQdevice(1) && st.member(1).isPresent());
            QuorumStatus n2 = cluster.await(2, "alone and not quorate", SPLIT,
                    st -> st.available() && !st.quorate() && st.members().size() == 1);
            System.out.println("after the split, n1:\n" + cluster.quorumtool(1) + "n2:\n" + cluster.quorumtool(2));
            assertThat(n1.member(1).orElseThrow().qdeviceFlags()).isEqualTo("A,V,NMW");
            assertThat(n2.member(2).orElseThrow().qdeviceFlags()).isEqualTo("A,NV,NMW");
            // node 1 must still be the only quorate side once node 2 has settled
            assertThat(cluster.status(1).quorate()).isTrue();

            cluster.heal();
            for (int id = 1; id <= 2; id++) {
                cluster.await(id, "quorate with both nodes after the heal", UP, st -> st.quorateWithQdevice(2));
            }
        });
    }

    private void withDiagnostics(Runnable test) {
        try {
            test.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + cluster.diagnostics() + "== qnetd log\n" + qnetd.log(), e);
        }
    }
}
