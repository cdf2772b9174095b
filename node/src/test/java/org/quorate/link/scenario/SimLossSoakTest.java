package org.quorate.link.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** 24 simulated hours at 2 % loss and 20 ms jitter on every link, default 2-node timings: no false link-down. */
@Tag("slow")
class SimLossSoakTest {
    @Test
    void twentyFourHoursAtTwoPercentLossCauseNoFalseLinkDown() {
        TestbedSpec spec = TestbedSpec.corosyncDefaults(2, 2, 24);
        try (SimTestbed bed = new SimTestbed(spec)) {
            long start = System.nanoTime();
            LinkScenarios.lossySoak(bed, Duration.ofHours(24), Duration.ofSeconds(1));
            assertThat(LinkScenarios.downs(bed)).as("false link-downs in 24 simulated hours").isZero();
            System.out.printf("24 h soak %s: 0 link-downs, %d datagrams sent by host 1 on link 0, %.1f s wall%n",
                    spec, LinkScenarios.link(bed, 1, 2, 0).counters().txTotalPackets(),
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
