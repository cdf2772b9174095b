package org.quorate.vqsim.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorate.vqsim.cli.VqsimMain;
import org.quorate.vqsim.engine.SimCluster;

/** -Pbench: the long seeded run, reporting seeds per hour (seeds: -Dvqsim.bench.seeds, default 200,000). */
@Tag("bench")
class VqsimBenchTest {
    @Test
    void longSeededRun() {
        VqsimMain.configureLogging(false);
        long seeds = Long.getLong("vqsim.bench.seeds", 200_000);
        Campaign.Summary s = Campaign.run(1, seeds, 200, Runtime.getRuntime().availableProcessors(), SimCluster::new, 100_000);
        System.out.printf("BENCH seeds=%d steps=%d wall=%dms seeds/hour=%.0f failed=%d excused=%s%n", s.seeds(), s.steps(),
                s.wallMillis(), s.seedsPerHour(), s.failedSeeds(), s.s1Excused());
        s.failures().forEach(f -> System.out.println("seed " + f.seed() + " step " + f.failedStep() + ": " + f.violations()));
        assertThat(s.seeds()).isEqualTo(seeds);
        // no tolerated differences: any S1-S4 violation fails the bench run too
        assertThat(s.failures()).extracting(SeedResult::seed).isEmpty();
        assertThat(s.failedSeeds()).isZero();
    }
}
