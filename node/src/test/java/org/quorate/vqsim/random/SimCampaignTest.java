package org.quorate.vqsim.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorate.vqsim.cli.VqsimMain;
import org.quorate.vqsim.engine.SimCluster;

/**
 * Quorate's votequorum (the simulator) against the reference model on seeded random schedules. The
 * fast run is part of every build; the CI run (10,000 seeds x 200 steps) is tagged slow.
 */
class SimCampaignTest {
    @BeforeAll
    static void quiet() {
        VqsimMain.configureLogging(false);
    }

    private static Campaign.Summary run(long seeds) {
        Campaign.Summary s = Campaign.run(1, seeds, 200, Runtime.getRuntime().availableProcessors(), SimCluster::new, 1000);
        System.out.printf("seeds=%d steps=%d wall=%dms seeds/hour=%.0f failed=%d excused=%s%n", s.seeds(), s.steps(),
                s.wallMillis(), s.seedsPerHour(), s.failedSeeds(), s.s1Excused());
        s.failures().forEach(f -> System.out.println("seed " + f.seed() + " step " + f.failedStep() + ": " + f.violations()));
        return s;
    }

    /** Any violation of S1-S4 fails: the simulator and the reference model have no tolerated differences. */
    private static void assertNoFailures(Campaign.Summary s) {
        assertThat(s.failures()).extracting(SeedResult::seed).isEmpty();
        assertThat(s.failedSeeds()).isZero();
    }

    @Test
    void twoHundredSeeds() {
        Campaign.Summary s = run(200);
        assertThat(s.seeds()).isEqualTo(200);
        assertThat(s.steps()).isGreaterThan(200L * 150);
        assertNoFailures(s);
    }

    @Test
    @Tag("slow")
    void tenThousandSeedsWithinFiveMinutes() {
        Campaign.Summary s = run(10_000);
        assertNoFailures(s);
        assertThat(s.wallMillis()).isLessThan(300_000);
    }
}
