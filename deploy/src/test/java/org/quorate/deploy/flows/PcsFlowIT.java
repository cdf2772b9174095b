package org.quorate.deploy.flows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.LogsOnFailure;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian bookworm's real pcs 0.11.5 drives the arbiter pair on fresh systemd hosts ({@link PcsFlow}), once with
 * the C packages (corosync-qnetd/-qdevice 3.0.3 from the image's /opt/c-debs) and once with Quorate's .debs, both
 * stacks at the same time on their own networks. Every step must exit as with the C packages and give the same
 * output once addresses, times, ports and ring ids are normalised; the device vote must be there and a split
 * must leave exactly n1 quorate (ffsplit, tie-breaker lowest) with both stacks.
 */
@Tag("docker")
@Tag("slow")
@ExtendWith(LogsOnFailure.class)
class PcsFlowIT {
    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void pcsGivesTheSameResultsWithQuorateAsWithTheCPackages() {
        FlowComparison fc = FlowComparison.run("pcs qdevice flow", PcsFlow.HOSTS, PcsFlow.NET_ADMIN,
                PcsFlow.MASKED, PcsFlow::run);
        assertThat(fc.aborted.get(Stack.C)).as("C run aborted").isNull();
        assertThat(fc.runs.get(Stack.C).unexpected()).as("C run: steps that failed (vote, split and heal included)")
                .isEmpty();
        assertThat(fc.runs).as("runs (-Dquorate.flows.stacks narrows them only for debugging)")
                .containsKeys(Stack.C, Stack.QUORATE);
        assertThat(fc.aborted.get(Stack.QUORATE)).as("Quorate run aborted").isNull();
        assertThat(fc.differences()).as("steps where Quorate differs from C").isEmpty();
    }
}
