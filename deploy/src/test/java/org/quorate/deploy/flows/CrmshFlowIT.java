package org.quorate.deploy.flows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.LogsOnFailure;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's real crmsh 4.4.1 on hosts that never had the C packages: the qdevice set-up, status, duplicate-name
 * refusal, split, heal and removal ({@link CrmshFlow}), once over the C corosync-qnetd/-qdevice 3.0.3 and once
 * over Quorate's packages. Every step must end the same way, with the same output once addresses, ports,
 * times and ring ids are normalised.
 */
@Tag("docker")
@Tag("slow")
@ExtendWith(LogsOnFailure.class)
class CrmshFlowIT {
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void crmshQdeviceFlowGivesTheSameStepsOverQuorateAsOverC() {
        FlowComparison fc = FlowComparison.run("crmsh qdevice flow", CrmshFlow.HOSTS, CrmshFlow.NET_ADMIN,
                CrmshFlow.MASKED,
                CrmshFlow::run);
        assertThat(fc.aborted.get(Stack.C)).as("C run aborted").isNull();
        assertThat(fc.runs.get(Stack.C).unexpected()).as("C run: steps that did not end as crmsh's scenarios say")
                .isEmpty();
        assertThat(fc.runs).as("runs (-Dquorate.flows.stacks narrows them only for debugging)")
                .containsKeys(Stack.C, Stack.QUORATE);
        assertThat(fc.aborted.get(Stack.QUORATE)).as("Quorate run aborted").isNull();
        assertThat(fc.differences()).as("steps where Quorate differs from C").isEmpty();
    }
}
