package org.quorate.vqsim.real;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quorate.vqsim.script.Command;

/** The shipped scenarios are well-formed without needing a lab: they parse, and name only their hosts. */
class ScenarioFilesTest {
    @Test
    void everyShippedScenarioParsesAndNamesOnlyItsHosts() {
        assertThat(Scenario.all()).hasSizeGreaterThanOrEqualTo(40);
        for (String name : Scenario.all()) {
            Scenario s = Scenario.load(name);
            assertThat(s.steps()).as(name).isNotEmpty();
            assertThat(s.facts().nodeIds()).as(name).allMatch(id -> id >= 1 && id <= s.hosts());
            assertThat(s.conf()).as(name).contains("ring0_addr: 198.18.60.");
            assertThat(s.steps()).as(name).noneMatch(l -> l.command() instanceof Command.Exit);
        }
        assertThat(VotequorumDifferentialTest.CI).allMatch(Scenario.all()::contains);
    }

    @Test
    void everyScenarioConfigurationIsAcceptedByQuoratesParser() {
        for (String name : Scenario.all()) {
            assertThat(Simulators.cmap(Scenario.ROOT.resolve(name).resolve("corosync.conf")))
                    .as(name).containsEntry("quorum.provider", "corosync_votequorum")
                    .containsEntry("totem.cluster_name", "vqd");
        }
    }
}
