package org.quorate.qdevice.interop;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.lab.QdeviceAlgorithm;
import org.quorate.testsupport.lab.QuorumMember;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.StackCommands;
import org.quorate.testsupport.lab.TlsMode;
import org.quorate.testsupport.lab.Topology;
import org.quorate.testsupport.lab.Topology.QnetdOutage;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The differential scenario script (issue #4) for one qnetd: per {@link Topology}, one lab where a cluster with
 * the C corosync-qdevice and one with Quorate's go through the same faults side by side, and every outcome of
 * Quorate's must equal the C one's. Subclasses pick the qnetd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QdeviceDifferentialRuns {
    /** "Far inside sync_timeout (30 s)": a third of it. */
    static final Duration VOTE_LATENCY_BOUND = Duration.ofSeconds(10);

    private final DifferentialReport report = new DifferentialReport();

    /** The stack with the qnetd under test (certutils included); the qdevice is replaced per cluster. */
    abstract StackCommands stack();

    abstract String qnetdLabel();

    static List<String> quorateQdevice() {
        // the JVM options of the deb launcher: JavaCommand's C1-only default makes the PBKDF2 of the node's
        // PKCS#12 (3 x 600000 iterations as pk12util writes it) take ~20 s instead of a few
        List<String> argv = JavaCommand.of("org.quorate.qdevice.daemon.QdeviceMain", "-XX:TieredStopAtLevel=4",
                "-Xss512k");
        argv.add("-f");
        return argv;
    }

    /**
     * Side A of a split always holds node 1, the node the {@code tie_breaker: lowest} favours (the heuristics
     * scenario makes side A FAIL); the kill hits the highest node, so the tie-breaker side survives. The 2-node
     * shape takes qnetd's link down (the heartbeat path), the others kill qnetd (the refused reconnect).
     */
    static final List<Topology> TOPOLOGIES = List.of(
            Topology.of(2, QdeviceAlgorithm.FFSPLIT, List.of(1), List.of(2)).withQnetdOutage(QnetdOutage.NETWORK_DOWN),
            Topology.of(3, QdeviceAlgorithm.LMS, List.of(1, 2), List.of(3)),
            Topology.of(4, QdeviceAlgorithm.FFSPLIT, List.of(1, 2), List.of(3, 4)));

    /** {@link #TOPOLOGIES}, or the rows {@code -D}{@value Topology#SELECTION_PROPERTY} names (e.g. 2n-ffsplit). */
    static List<Topology> topologies() {
        return Topology.selected(TOPOLOGIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologies")
    void quorateQdeviceBehavesLikeTheCQdevice(Topology topology) {
        String where = topology.name() + "/" + qnetdLabel();
        int before = report.rows().size();
        int latenciesBefore = report.latencies().size();
        DifferentialRun run = null;
        try (RealStack stack = RealStack.open("qdd-" + where.replace('/', '-'), stack())) {
            stack.startQnetd(TlsMode.ON);
            run = new DifferentialRun(stack, topology, qnetdLabel(), report);
            run.start(stack.commands().withQdevice(quorateQdevice()));
            SoftAssertions soft = new SoftAssertions();
            for (ClusterWatch w : List.of(run.reference(), run.quorate())) {
                assertQuorumTool(soft, w, topology);
            }
            run.compareQdeviceTool("connected");
            run.killNode();
            run.split();
            run.qnetdOutage();
            run.splitWithFailingHeuristics();
            run.noteSamplingResolution();

            List<DifferentialReport.Row> rows = report.rows().subList(before, report.rows().size());
            for (DifferentialReport.Row r : rows) {
                soft.assertThat(r.quorate()).as("%s %s: Quorate's outcome equals the C qdevice's", where, r.scenario())
                        .isEqualTo(r.reference());
            }
            assertReferenceDidWhatTheScenarioClaims(soft, topology, rows);
            for (DifferentialReport.Latency l : report.latencies().subList(latenciesBefore, report.latencies().size())) {
                soft.assertThat(l.value()).as("%s %s: vote after the new membership", l.impl(), l.where())
                        .hasValueSatisfying(d -> soft.assertThat(d).isLessThan(VOTE_LATENCY_BOUND));
            }
            report.tools().forEach((state, d) -> {
                if (state.startsWith(where + " ")) {
                    soft.assertThat(d.mismatches()).as("corosync-qdevice-tool -s -v, %s", state).isEmpty();
                }
            });
            soft.assertAll();
        } finally {
            if (run != null) {
                System.out.println("===== transcript " + where + "\n" + run.transcript());
            }
        }
    }

    /** corosync-quorumtool -s: "Quorate Qdevice", every member A,V,NMW, the device's votes. */
    private static void assertQuorumTool(SoftAssertions soft, ClusterWatch w, Topology topology) {
        for (int n = 1; n <= topology.nodes(); n++) {
            QuorumStatus s = w.latest(n);
            soft.assertThat(s.flags()).as("%s n%d flags", w.label, n).contains("Quorate", "Qdevice");
            soft.assertThat(s.members()).as("%s n%d members", w.label, n).extracting(QuorumMember::qdeviceFlags)
                    .containsOnly("A,V,NMW").hasSize(topology.nodes());
            soft.assertThat(s.qdeviceVotes()).as("%s n%d qdevice votes", w.label, n).isEqualTo(topology.qdeviceVotes());
        }
    }

    /**
     * The reference run proves the scenarios exercise what they are named after; otherwise "equal" could mean
     * "both did nothing".
     */
    private static void assertReferenceDidWhatTheScenarioClaims(SoftAssertions soft, Topology t,
                                                               List<DifferentialReport.Row> rows) {
        for (DifferentialReport.Row r : rows) {
            ScenarioOutcome c = r.reference();
            if (r.scenario().startsWith("kill")) {
                soft.assertThat(c.lostQuorum()).as("C: survivors of a killed node keep quorum").isEmpty();
            } else if (r.scenario().startsWith("split, heuristics")) {
                if (t.algorithm() == QdeviceAlgorithm.FFSPLIT) {
                    soft.assertThat(c.quorate()).as("C: the side whose heuristics pass wins over the tie-breaker")
                            .isEqualTo(new TreeSet<>(t.sideB()));
                }
            } else if (r.scenario().startsWith("split")) {
                soft.assertThat(c.quorate()).as("C: side A wins the split (tie-breaker / bigger side)")
                        .isEqualTo(new TreeSet<>(t.sideA()));
            } else if (r.scenario().startsWith("qnetd")) {
                soft.assertThat(c.voting()).as("C: no qdevice vote while qnetd is unreachable").isEmpty();
                soft.assertThat(c.lostQuorum()).as("C: node votes alone keep quorum").isEmpty();
            }
        }
    }

    @AfterAll
    void printReport() {
        System.out.println(report.render());
    }

}
