package org.quorate.vqsim.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quorate.vqsim.reference.ReferenceCluster;

class RandomRunTest {
    @Test
    void referenceAgainstItselfKeepsTheInvariants() {
        Campaign.Summary s = Campaign.run(1, 300, 200, 2, ReferenceCluster::new, 5);
        s.failures().forEach(f -> System.out.println(f.seed() + " step " + f.failedStep() + ": " + f.violations()));
        System.out.println("seeds=" + s.seeds() + " steps=" + s.steps() + " failed=" + s.failedSeeds()
                + " s1Excused=" + s.s1Excused() + " wall=" + s.wallMillis() + "ms");
        assertThat(s.failedSeeds()).isZero();
    }
}
