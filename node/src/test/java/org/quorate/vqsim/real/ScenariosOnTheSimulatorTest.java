package org.quorate.vqsim.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quorate.vqsim.ClusterDriver;

/**
 * Fast guard for the scenario set: every scenario runs to its end on the simulator through the same
 * lockstep harness the differential uses (the simulator standing in for the real side), every step settles
 * and no command is refused by the harness. Catches a broken scenario in milliseconds, before a lab run.
 */
class ScenariosOnTheSimulatorTest {
    @Test
    void everyScenarioRunsToTheEndAndSettlesOnTheSimulator() {
        for (String name : Scenario.all()) {
            Scenario sc = Scenario.load(name);
            try (ClusterDriver sim = Simulators.ALL.get("sim").apply(sc)) {
                Lockstep.Outcome o = Lockstep.run(sc, sim, VotequorumDifferentialTest.SETTLE);
                assertThat(o.error()).as(name + ": " + DiffReport.steps(o)).isNull();
                assertThat(o.steps()).as(name).hasSize(sc.steps().size() + 1)
                        .allMatch(p -> p.real().settled());
                assertThat(o.steps().get(0).real().nodes()).as(name).anyMatch(n -> n.up() && n.expected() > 0);
            }
        }
    }

    @Test
    void theHarnessSeesADifferenceWhenThereIsOne() {
        Scenario sc = Scenario.load("n3-basic");
        try (ClusterDriver a = Simulators.ALL.get("sim").apply(sc);
             ClusterDriver b = Simulators.ALL.get("sim").apply(Scenario.load("n3-expected-votes-5"))) {
            Lockstep.Outcome o = Lockstep.run(sc, a, Map.of("other", b), VotequorumDifferentialTest.SETTLE).get("other");
            assertThat(o.same()).isFalse();
            assertThat(o.verdict()).startsWith("step 0").contains("expected=3").contains("expected=5");
        }
    }
}
