package org.quorate.vqsim.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real side alone: every selected scenario on real corosync 3.1.7, every step's snapshots written to
 * {@code target/vqdiff/<scenario>.real.txt} for checking by hand against the spec, and the table to
 * {@code target/vqdiff/real-table.md}. It fails when a step does not settle or the harness errs; the
 * numbers themselves are the differential test's business. Selection: {@code -Dquorate.vqdiff.scenarios}.
 *
 * <p>A development tool, so it carries the {@code manual} tag that no profile runs by itself ({@code -Pall
 * -Dgroups=manual -Dtest=RealScenarioRecordingTest}): under {@code -Pall} the differential test already runs
 * the same real steps.
 */
@Tag("realstack")
@Tag("manual")
class RealScenarioRecordingTest {
    @Test
    void realCorosyncSettlesEveryStepOfTheSelectedScenarios() {
        List<Lockstep.Outcome> outcomes = new ArrayList<>();
        for (String name : Scenario.select(System.getProperty("quorate.vqdiff.scenarios"), VotequorumDifferentialTest.CI)) {
            Scenario sc = Scenario.load(name);
            Lockstep.Outcome o;
            try (RealCorosyncCluster real = RealCorosyncCluster.create(name, Scenario.CLUSTER_ID, sc.conf(), sc.hosts())) {
                o = Lockstep.run(sc, real, VotequorumDifferentialTest.SETTLE);
                if (!o.same()) {
                    DiffReport.write(name + ".lab.txt", real.stack().diagnostics());
                }
            }
            DiffReport.write(name + ".real.txt", DiffReport.steps(o));
            outcomes.add(o);
            System.out.println("[vqdiff] real " + name + ": " + o.verdict() + " (" + o.realMillis() + " ms)");
        }
        String table = DiffReport.table(outcomes);
        DiffReport.write("real-table.md", table);
        System.out.println(table);
        assertThat(outcomes).as(table).allMatch(Lockstep.Outcome::same);
    }
}
