package org.quorate.testsupport.lab;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import org.quorate.testsupport.LogsOnFailure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercises the rest of the harness with the C stack: 3 nodes, lms, TLS off, heuristics, an iptables cut
 * that isolates node 3 from its peers (not from qnetd), and the heal.
 */
@Tag("realstack")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@Tag("slow")
@ExtendWith(LogsOnFailure.class)
class RealStackLmsPartitionTest {

    @Test
    void isolatedThirdNodeLosesQuorumAndRejoinsAfterHeal() {
        try (RealStack stack = RealStack.open("lms-cut")) {
            stack.startQnetd(TlsMode.OFF);
            LabCluster c = stack.createCluster(ClusterSpec.builder(1, 3).algorithm(QdeviceAlgorithm.LMS)
                    .tls(TlsMode.OFF).heuristicsMode("on").heuristicsExec("ok", "/bin/true").build());
            c.start();
            QuorumStatus s1 = c.awaitQuorateWithQdevice(Duration.ofSeconds(60)).get(1);
            assertThat(s1.expectedVotes()).isEqualTo(5);
            assertThat(s1.qdeviceVotes()).isEqualTo(2);
            assertThat(stack.qnetdTool("-l", "-v").requireOk().stdout()).contains("Algorithm:\t\tLMS", "TLS active:\t\tNo");
            assertThat(c.qdeviceTool(1).requireOk().stdout()).contains("TLS:\t\t\tUnsupported", "Heuristics:\t\tEnabled");

            try (QuorumSampler sampler = c.sampler()) {
                c.cut(1, 3);
                c.cut(2, 3);
                c.awaitNode(3, "inquorate alone", Duration.ofSeconds(40), s -> !s.quorate() && s.members().size() == 1);
                sampler.awaitState("c1n1", s -> s.quorate() && s.members().size() == 2, Duration.ofSeconds(40),
                        "2-node membership");
                assertThat(sampler.neverLostQuorum("c1n1")).as(sampler.describe()).isTrue();
                assertThat(sampler.neverLostQuorum("c1n2")).as(sampler.describe()).isTrue();

                c.heal();
                c.awaitQuorateWithQdevice(Duration.ofSeconds(60));
                System.out.println(sampler.describe());
            }
        }
    }
}
