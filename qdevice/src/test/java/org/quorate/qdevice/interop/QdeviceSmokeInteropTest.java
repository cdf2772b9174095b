package org.quorate.qdevice.interop;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.QuorumMember;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.StackCommands;
import org.quorate.testsupport.lab.TlsMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Quorate's corosync-qdevice on real corosync 3.1.7 nodes, against the real C corosync-qnetd 3.0.3. */
@Tag("realstack")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class QdeviceSmokeInteropTest {
    @Test
    void quorateQdeviceGetsTheVoteFromTheCQnetdOverTls() {
        List<String> qdevice = JavaCommand.of("org.quorate.qdevice.daemon.QdeviceMain");
        qdevice.add("-f");
        try (RealStack stack = RealStack.open("qdsmoke", StackCommands.debian().withQdevice(qdevice))) {
            stack.startQnetd(TlsMode.ON);
            LabCluster cluster = stack.createCluster(ClusterSpec.builder(1, 2).build());
            cluster.start();
            Map<Integer, QuorumStatus> up = cluster.awaitQuorateWithQdevice(Duration.ofSeconds(60));
            for (QuorumStatus s : up.values()) {
                assertThat(s.flags()).contains("Quorate", "Qdevice");
                assertThat(s.members()).extracting(QuorumMember::qdeviceFlags).containsExactly("A,V,NMW", "A,V,NMW");
                assertThat(s.qdeviceVotes()).isEqualTo(1);
            }
            String list = stack.qnetdTool("-l", "-v").requireOk().stdout();
            System.out.println(list);
            assertThat(list).contains("Yes (client certificate verified)", "Vote:\t\t\tNo change (ACK)");
            String status = cluster.qdeviceTool(1).requireOk().stdout();
            System.out.println(status);
            assertThat(status).contains("State:\t\t\tConnected", "TLS active:\t\tYes (client certificate sent)");
        }
    }
}
