package org.quorate.qnetd.interop;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.QdeviceAlgorithm;
import org.quorate.testsupport.lab.StackCommands;
import org.quorate.testsupport.lab.Topology;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #3: the same fault script against the C corosync-qnetd and against Quorate's qnetd, everything else
 * the real Debian C stack (corosync 3.1.7, corosync-qdevice 3.0.3). The outcomes (who ends up quorate, who
 * counts the qdevice vote, who never lost quorum, whose vote was withdrawn on the way) must be the same;
 * timings are only printed. The C run is the oracle, so the test asserts nothing about what is "right"
 * beyond the baseline every healthy cluster must show.
 */
@Tag("realstack")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
@Tag("slow")
@ExtendWith(LogsOnFailure.class)
class QnetdDifferentialInteropTest {
    private static final ComparisonTable TABLE = new ComparisonTable();

    /**
     * The crash always hits the tie-breaker node 1. 2 nodes: node 1 is also the deaf one. 3 nodes lms: the cut
     * isolates node 1, so the bigger side must win against the tie-breaker. 4 nodes: a 50:50 cut that the
     * tie-breaker decides.
     */
    static final List<Topology> TOPOLOGIES = List.of(
            Topology.of(2, QdeviceAlgorithm.FFSPLIT, List.of(1), List.of(2)).withKilled(1).withDeaf(1),
            Topology.of(3, QdeviceAlgorithm.LMS, List.of(1), List.of(2, 3)).withKilled(1),
            Topology.of(4, QdeviceAlgorithm.FFSPLIT, List.of(1, 2), List.of(3, 4)).withKilled(1));

    /** {@link #TOPOLOGIES}, or the rows {@code -D}{@value Topology#SELECTION_PROPERTY} names. */
    static List<Topology> topologies() {
        return Topology.selected(TOPOLOGIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void quorateQnetdBehavesLikeTheCQnetd(Topology topology) {
        compare(topology);
    }

    @AfterAll
    static void printTable() {
        System.out.println(TABLE.render());
    }

    private static void compare(Topology topology) {
        RunReport c = DifferentialScript.run("c", StackCommands.debian(), topology);
        // TLS on, certificates as pvecm makes them: each server's own qnetd-side certutil, the C node-side tool.
        RunReport quorate = DifferentialScript.run("quorate", StackCommands.debian().withQnetd(quorateQnetd())
                .withQnetdCertutil(JavaCommand.of("org.quorate.certs.cli.QnetdCertutil")), topology);
        TABLE.add(c, quorate);
        for (RunReport r : List.of(c, quorate)) {
            assertThat(r.baseline().values()).as("%s baseline on %s", r.topology().name(), r.server())
                    .allMatch(line -> line.equals("Quorate Qdevice | " + "A,V,NMW ".repeat(topology.nodes()).strip()));
        }
        assertThat(quorate.verdicts()).as("Quorate's outcomes vs C's; transcripts:%n%s%n%s", c.transcripts(),
                quorate.transcripts()).containsExactlyElementsOf(c.verdicts());
        assertThat(quorate.listing()).as("corosync-qnetd-tool -l -v, client ports normalised")
                .isEqualTo(c.listing());
    }

    private static List<String> quorateQnetd() {
        List<String> argv = new ArrayList<>(JavaCommand.of("org.quorate.qnetd.daemon.QnetdMain"));
        argv.add("-f");
        return argv;
    }
}
