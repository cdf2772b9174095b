package org.quorate.qnetd.interop;

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

/** The real C corosync-qdevice 3.0.3 on real corosync nodes gets its vote from Quorate's qnetd. */
@Tag("realstack")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class QnetdSmokeInteropTest {
    @Test
    void cQdeviceNodesAreQuorateThroughQuorateQnetdWithoutTls() {
        List<String> qnetd = JavaCommand.of("org.quorate.qnetd.daemon.QnetdMain");
        qnetd.add("-f");
        try (RealStack stack = RealStack.open("qsmoke", StackCommands.debian().withQnetd(qnetd))) {
            stack.startQnetd(TlsMode.OFF);
            LabCluster cluster = stack.createCluster(ClusterSpec.builder(1, 2).tls(TlsMode.OFF).build());
            cluster.start();
            Map<Integer, QuorumStatus> up = cluster.awaitQuorateWithQdevice(Duration.ofSeconds(60));
            for (QuorumStatus s : up.values()) {
                assertThat(s.flags()).contains("Quorate", "Qdevice");
                assertThat(s.members()).extracting(QuorumMember::qdeviceFlags).containsExactly("A,V,NMW", "A,V,NMW");
                assertThat(s.qdeviceVotes()).isEqualTo(1);
            }
            String list = stack.qnetdTool("-l", "-v").requireOk().stdout();
            System.out.println(list);
            assertThat(list).contains("Cluster \"lab1\":", "Node ID 1:", "Node ID 2:", "Vote:\t\t\tNo change (ACK)");
        }
    }

    /**
     * TLS on, as Proxmox sets it up: Quorate's qnetd-side certutil makes the CA and signs the cluster
     * certificate, the C node-side certutil enrols the nodes, and the C qdevice connects with STARTTLS.
     */
    @Test
    void cQdeviceNodesAreQuorateThroughQuorateQnetdOverTls() {
        List<String> qnetd = JavaCommand.of("org.quorate.qnetd.daemon.QnetdMain");
        qnetd.add("-f");
        List<String> certutil = JavaCommand.of("org.quorate.certs.cli.QnetdCertutil");
        StackCommands commands = StackCommands.debian().withQnetd(qnetd).withQnetdCertutil(certutil);
        try (RealStack stack = RealStack.open("qsmoketls", commands)) {
            stack.startQnetd(TlsMode.ON);
            LabCluster cluster = stack.createCluster(ClusterSpec.builder(1, 2).build());
            cluster.start();
            Map<Integer, QuorumStatus> up = cluster.awaitQuorateWithQdevice(Duration.ofSeconds(60));
            for (QuorumStatus s : up.values()) {
                assertThat(s.members()).extracting(QuorumMember::qdeviceFlags).containsExactly("A,V,NMW", "A,V,NMW");
            }
            String list = stack.qnetdTool("-l", "-v").requireOk().stdout();
            System.out.println(list);
            assertThat(list).contains("TLS active:\t\tYes (client certificate verified)");
            assertThat(cluster.qdeviceTool(1).requireOk().stdout()).contains("TLS active:\t\tYes (client certificate sent)");
        }
    }
}
