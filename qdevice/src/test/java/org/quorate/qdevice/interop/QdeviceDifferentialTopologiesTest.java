package org.quorate.qdevice.interop;

import org.junit.jupiter.api.Test;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.Topology;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The qdevice differential suite's shapes and fault targets, written out as they were before the suites shared
 * one {@link Topology}: a change to a row changes what the suite compares, so it must be deliberate.
 */
class QdeviceDifferentialTopologiesTest {

    @Test
    void theSuiteKeepsItsShapesAndFaultTargets() {
        assertThat(QdeviceDifferentialRuns.TOPOLOGIES.stream()
                .map(t -> t.name() + " nodes=" + t.nodes() + " " + t.algorithm().word() + " split=" + t.sideA() + "|"
                        + t.sideB() + " killed=" + t.killed() + " qnetd=" + t.qnetdOutage() + " votes=" + t.qdeviceVotes()))
                .containsExactly(
                        "2n-ffsplit nodes=2 ffsplit split=[1]|[2] killed=2 qnetd=NETWORK_DOWN votes=1",
                        "3n-lms nodes=3 lms split=[1, 2]|[3] killed=3 qnetd=KILL votes=2",
                        "4n-ffsplit nodes=4 ffsplit split=[1, 2]|[3, 4] killed=4 qnetd=KILL votes=1");
    }

    @Test
    void bothClustersGetTheSyncHeuristicsTheSuiteRan() {
        Topology four = QdeviceDifferentialRuns.TOPOLOGIES.get(2);
        ClusterSpec c = DifferentialRun.spec(four, 1);
        ClusterSpec q = DifferentialRun.spec(four, 2);
        assertThat(List.of(c.id(), q.id(), c.nodes(), c.tls().word(), c.heuristicsMode()))
                .containsExactly(1, 2, 4, "on", "sync");
        assertThat(q.heuristicsExec()).isEqualTo(c.heuristicsExec())
                .isEqualTo(Map.of("check", "/usr/bin/test ! -e /etc/corosync/heuristics-fail"));
    }
}
