package org.quorate.testsupport.lab;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.quorate.testsupport.LogsOnFailure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the harness with the all-C Debian stack: 2-node ffsplit, TLS on. Needs root and the packages;
 * fails (does not skip) without them.
 */
@Tag("realstack")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class RealStackSmokeTest {

    @Test
    void twoNodeFfsplitKeepsQuorumWhenNode2sCorosyncIsKilled() {
        String prefix;
        List<DaemonProcess> daemons;
        try (RealStack stack = RealStack.open("smoke")) {
            prefix = stack.lab().prefix();
            stack.startQnetd(TlsMode.ON);
            LabCluster cluster = stack.createCluster(ClusterSpec.builder(1, 2).build());
            cluster.start();

            Map<Integer, QuorumStatus> up = cluster.awaitQuorateWithQdevice(Duration.ofSeconds(60));
            for (QuorumStatus s : up.values()) {
                assertThat(s.flags()).contains("Quorate", "Qdevice");
                assertThat(s.members()).extracting(QuorumMember::qdeviceFlags).containsExactly("A,V,NMW", "A,V,NMW");
                assertThat(s.expectedVotes()).isEqualTo(3);
                assertThat(s.totalVotes()).isEqualTo(3);
                assertThat(s.qdeviceVotes()).isEqualTo(1);
            }
            String qnetdList = stack.qnetdTool("-l", "-v").requireOk().stdout();
            assertThat(qnetdList).contains("Cluster \"lab1\":", "Node ID 1:", "Node ID 2:",
                    "Yes (client certificate verified)");
            assertThat(cluster.qdeviceTool(1).requireOk().stdout()).contains("State:\t\t\tConnected",
                    "TLS active:\t\tYes (client certificate sent)");

            try (QuorumSampler sampler = cluster.sampler()) {
                cluster.kill(2, LabCluster.COROSYNC, "KILL");
                LabEvent killed = stack.lab().events().get(stack.lab().events().size() - 1);
                assertThat(killed.what()).startsWith("kill -KILL corosync@c1n2");

                StateChange alone = sampler.awaitState("c1n1",
                        s -> s.quorate() && s.members().size() == 1 && s.qdeviceVoteCounted(),
                        Duration.ofSeconds(40), "new 1-node membership with the qdevice vote");
                sampler.stop();
                System.out.println("node 1 alone and quorate with the qdevice vote "
                        + sampler.timeFrom(killed, "c1n1", s -> s.members().size() == 1 && s.quorate()).orElseThrow()
                                .toMillis() + " ms after the kill; " + alone);
                System.out.println(sampler.describe());
                assertThat(sampler.neverLostQuorum("c1n1")).as(sampler.describe()).isTrue();
                assertThat(sampler.always("c1n1", QuorumStatus::qdeviceVoteCounted)).as(sampler.describe()).isTrue();
                assertThat(alone.status().member(1).orElseThrow().qdeviceFlags()).isEqualTo("A,V,NMW");
            }
            daemons = stack.lab().daemons();
        }
        // teardown killed every daemon it started and removed every namespace it created
        assertThat(daemons).noneMatch(DaemonProcess::isAlive);
        assertThat(LabJanitor.namespaces()).noneMatch(ns -> ns.startsWith(prefix));
    }
}
