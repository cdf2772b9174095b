package org.quorate.qdevice.interop;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.StackCommands;

import java.util.List;

/**
 * Issue #4 (b): Quorate's qdevice vs the C one on real corosync nodes, against Quorate's qnetd over TLS, whose
 * CA and server certificate come from Quorate's QnetdCertutil (the nodes keep the C
 * corosync-qdevice-net-certutil: its qdevice-net-node.p12 is what both qdevices read).
 */
@Tag("realstack")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
@Tag("slow")
@ExtendWith(LogsOnFailure.class)
class QdeviceDifferentialQuorateQnetdTest extends QdeviceDifferentialRuns {
    @Override
    StackCommands stack() {
        List<String> qnetd = JavaCommand.of("org.quorate.qnetd.daemon.QnetdMain");
        qnetd.add("-f");
        return StackCommands.debian().withQnetd(qnetd)
                .withQnetdCertutil(JavaCommand.of("org.quorate.certs.cli.QnetdCertutil"));
    }

    @Override
    String qnetdLabel() {
        return "Q-qnetd";
    }
}
