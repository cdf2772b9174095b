package org.quorate.vqsim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quorate.vqsim.cli.VqsimMain;
import org.quorate.vqsim.reference.ReferenceCluster;

/** Seeded schedules: exact replay from the seed, and invariants that can fail. */
class RandomScheduleTest {
    @BeforeAll
    static void quiet() {
        VqsimMain.configureLogging(false);
    }

    @Test
    void aSeedReplaysExactly() {
        Schedule a = new ScheduleGenerator(42).generate(200);
        Schedule b = new ScheduleGenerator(42).generate(200);
        assertThat(a.script("x.conf")).isEqualTo(b.script("x.conf"));
        assertThat(a.cmap()).isEqualTo(b.cmap());
        assertThat(a.variants()).isEqualTo(b.variants());
        assertThat(new ScheduleGenerator(43).generate(200).script("x.conf")).isNotEqualTo(a.script("x.conf"));
        // a longer schedule from the same seed starts with the same steps
        assertThat(new ScheduleGenerator(42).generate(300).steps().subList(0, 200)).isEqualTo(a.steps().subList(0, 200));
    }

    @Test
    void theNemesisUsesEveryFault() {
        StringBuilder all = new StringBuilder();
        for (long seed = 1; seed <= 50; seed++) {
            all.append(new ScheduleGenerator(seed).generate(200).script("x.conf"));
        }
        String s = all.toString();
        assertThat(s).contains("\nmove 0:").contains(" 2:").contains("\njoin ").contains("\ndown ").contains("\nup ")
                .contains("\nqdevice on ").contains("\nqdevice off ").contains("\nexpected ").contains("\nvotes ")
                .contains("\nreload ").contains("\nsleep ");
    }

    @Test
    void theReferenceAgainstItselfKeepsTheInvariants() {
        Campaign.Summary s = Campaign.run(1, 200, 200, 2, ReferenceCluster::new, 3);
        assertThat(s.failures()).isEmpty();
        assertThat(s.seeds()).isEqualTo(200);
        assertThat(s.steps()).isEqualTo(200 * 201);
    }

    @Test
    void aMutatedEngineIsCaughtByS2() {
        // the engine under test counts node 1 with two votes; the reference reads the configuration as given
        EngineFactory mutated = (cmap, loader) -> {
            Map<String, String> m = new TreeMap<>(cmap);
            m.put("nodelist.node.0.quorum_votes", "2");
            return new ReferenceCluster(m, loader);
        };
        Campaign.Summary s = Campaign.run(1, 20, 50, 1, mutated, 20);
        assertThat(s.failedSeeds()).isGreaterThanOrEqualTo(15);
        assertThat(s.failures().get(0).violations()).anyMatch(v -> v.startsWith("S2: node "));
        assertThat(s.failures().get(0).schedule().script("x.conf")).startsWith("# quorate-vqsim --random --seed ");
    }

    @Test
    void s1FailsForTwoQuorateHalvesAndS4ForAPartitionThatDisagrees() {
        var quorate = new org.quorate.vqsim.NodeSnapshot(1, 0, true, true, "1.4", java.util.List.of(1L), 1, 1, 1, 1, 2);
        var other = new org.quorate.vqsim.NodeSnapshot(2, 1, true, true, "2.4", java.util.List.of(2L), 1, 1, 1, 1, 2);
        assertThat(Invariants.s1(java.util.List.of(quorate, other))).isEqualTo("S1: two disjoint quorate partitions [1] and [2]");
        var same = new org.quorate.vqsim.NodeSnapshot(2, 0, true, false, "1.4", java.util.List.of(1L, 2L), 1, 1, 1, 1, 0);
        var first = new org.quorate.vqsim.NodeSnapshot(1, 0, true, true, "1.4", java.util.List.of(1L, 2L), 1, 1, 1, 1, 2);
        assertThat(Invariants.s1(java.util.List.of(first, same))).isNull();
        assertThat(Invariants.s4(java.util.List.of(first, same))).hasSize(1).first().asString().startsWith("S4: partition 0");
    }
}
