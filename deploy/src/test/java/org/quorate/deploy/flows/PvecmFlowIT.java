package org.quorate.deploy.flows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.LogsOnFailure;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command sequence of Proxmox VE's {@code pvecm qdevice setup} and {@code remove} ({@link PvecmFlow}) on a
 * two-node corosync cluster, over the C corosync-qnetd/-qdevice 3.0.3 and over Quorate's packages: every
 * command must give the same exit code, the same files (names and modes) must be left on the arbiter and the
 * nodes, and the cluster must get its device vote.
 */
@Tag("docker")
@Tag("slow")
@ExtendWith(LogsOnFailure.class)
class PvecmFlowIT {
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void pvecmQdeviceSequenceGivesTheSameStepsOverQuorateAsOverC() {
        FlowComparison fc = FlowComparison.run("pvecm qdevice sequence", PvecmFlow.HOSTS, PvecmFlow.NET_ADMIN,
                PvecmFlow.MASKED,
                PvecmFlow::run);
        assertThat(fc.aborted.get(Stack.C)).as("C run aborted").isNull();
        assertThat(fc.runs.get(Stack.C).unexpected()).as("C run: steps that failed").isEmpty();
        assertThat(fc.runs).as("runs (-Dquorate.flows.stacks narrows them only for debugging)")
                .containsKeys(Stack.C, Stack.QUORATE);
        assertThat(fc.aborted.get(Stack.QUORATE)).as("Quorate run aborted").isNull();
        assertThat(fc.differences()).as("steps where Quorate differs from C").isEmpty();
    }
}
