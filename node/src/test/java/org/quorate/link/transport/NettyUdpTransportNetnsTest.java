package org.quorate.link.transport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorate.testsupport.lab.LabLock;
import org.quorate.testsupport.lab.ExecResult;
import org.quorate.testsupport.lab.NetnsLab;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In network namespaces (lab cluster 62): an iptables DROP rule on OUTPUT makes the kernel refuse the send
 * with EPERM, and the transport reports it as PERMISSION_DENIED, over epoll and over the real kernel path.
 */
@Tag("realstack")
class NettyUdpTransportNetnsTest {
    @Test
    void anOutputDropRuleIsReportedAsPermissionDenied() throws Exception {
        try (LabLock lock = LabLock.acquire(Duration.ofMinutes(10)); NetnsLab lab = NetnsLab.open("eperm62")) {
            lab.addHost("a62", "198.18.62.1");
            lab.addHost("b62", "198.18.62.2");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> probe = List.of(java, "-cp", System.getProperty("java.class.path"), SendProbe.class.getName(),
                    "198.18.62.1", "5405", "198.18.62.2", "5405", "5");
            ExecResult open = lab.exec("a62", Duration.ofSeconds(60), probe);
            assertThat(open.stdout()).as(open.stderr()).contains("DONE").doesNotContain("FAILURE");
            lab.execOk("a62", "iptables", "-A", "OUTPUT", "-d", "198.18.62.2", "-p", "udp", "-j", "DROP");
            ExecResult dropped = lab.exec("a62", Duration.ofSeconds(60), probe);
            List<String> failures = dropped.stdout().lines().filter(l -> l.startsWith("FAILURE ")).toList();
            assertThat(failures).as(dropped.stdout() + dropped.stderr()).hasSize(5)
                    .allMatch(l -> l.startsWith("FAILURE PERMISSION_DENIED"));
            assertThat(dropped.stdout()).contains("EPOLL true");
        }
    }
}
