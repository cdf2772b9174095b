package org.quorate.qnetd.interop;

import org.junit.jupiter.api.Test;
import org.quorate.testsupport.lab.Topology;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The qnetd differential suite's shapes and fault targets, written out as they were before the suites shared
 * one {@link Topology}: a change to a row changes what the suite compares, so it must be deliberate.
 */
class QnetdDifferentialTopologiesTest {

    @Test
    void theSuiteKeepsItsShapesAndFaultTargets() {
        assertThat(QnetdDifferentialInteropTest.TOPOLOGIES.stream()
                .map(t -> t.name() + " nodes=" + t.nodes() + " " + t.algorithm().word() + " split=" + t.sideA() + "|"
                        + t.sideB() + " killed=" + t.killed() + " deaf=" + t.deaf()))
                .containsExactly(
                        "2n-ffsplit nodes=2 ffsplit split=[1]|[2] killed=1 deaf=1",
                        "3n-lms nodes=3 lms split=[1]|[2, 3] killed=1 deaf=3",
                        "4n-ffsplit nodes=4 ffsplit split=[1, 2]|[3, 4] killed=1 deaf=4");
    }

    @Test
    void theClusterSpecIsTheOneTheSuiteRan() {
        var spec = DifferentialScript.spec(QnetdDifferentialInteropTest.TOPOLOGIES.get(1));
        assertThat(List.of(spec.id(), spec.nodes(), spec.algorithm().word(), spec.tls().word(), spec.totemExtra(),
                String.valueOf(spec.qdeviceVotes()), String.valueOf(spec.heuristicsMode())))
                .containsExactly(1, 3, "lms", "on", List.of("token: 1000"), "null", "null");
    }
}
