package org.quorate.qdevice.interop;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.StackCommands;

/** Issue #4 (a): Quorate's qdevice vs the C one on real corosync nodes, against the C corosync-qnetd 3.0.3 (TLS). */
@Tag("realstack")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
@Tag("slow")
@ExtendWith(LogsOnFailure.class)
class QdeviceDifferentialCQnetdTest extends QdeviceDifferentialRuns {
    @Override
    StackCommands stack() {
        return StackCommands.debian();
    }

    @Override
    String qnetdLabel() {
        return "C-qnetd";
    }
}
