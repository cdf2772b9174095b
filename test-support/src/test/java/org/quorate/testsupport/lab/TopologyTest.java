package org.quorate.testsupport.lab;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTest {
    private static final Topology TWO = Topology.of(2, QdeviceAlgorithm.FFSPLIT, List.of(1), List.of(2));
    private static final Topology THREE = Topology.of(3, QdeviceAlgorithm.LMS, List.of(1, 2), List.of(3));

    @AfterEach
    void clearSelection() {
        System.clearProperty(Topology.SELECTION_PROPERTY);
    }

    @Test
    void defaultsAimAwayFromTheTieBreaker() {
        assertThat(THREE.name()).isEqualTo("3n-lms");
        assertThat(List.of(THREE.killed(), THREE.deaf())).containsExactly(3, 3);
        assertThat(THREE.qnetdOutage()).isEqualTo(Topology.QnetdOutage.KILL);
        assertThat(THREE.qdeviceVotes()).isEqualTo(2);
        assertThat(THREE.sideOf(2)).containsExactly(1, 2);
        assertThat(THREE.sideOf(3)).containsExactly(3);
    }

    @Test
    void withersMoveOneTargetEach() {
        Topology t = TWO.withKilled(1).withDeaf(1).withQnetdOutage(Topology.QnetdOutage.NETWORK_DOWN);
        assertThat(List.of(t.killed(), t.deaf())).containsExactly(1, 1);
        assertThat(t.qnetdOutage()).isEqualTo(Topology.QnetdOutage.NETWORK_DOWN);
        assertThat(t.withKilled(2).deaf()).isEqualTo(1);
    }

    @Test
    void sidesMustSplitEveryNodeOnce() {
        assertThatThrownBy(() -> Topology.of(3, QdeviceAlgorithm.LMS, List.of(1), List.of(3)))
                .hasMessageContaining("3n-lms: sides [1] | [3] must split 1..3");
        assertThatThrownBy(() -> TWO.withKilled(3)).hasMessageContaining("killed node must be 1..2, was 3");
    }

    @Test
    void theSelectionPropertyPicksRowsByName() {
        assertThat(Topology.selected(List.of(TWO, THREE))).containsExactly(TWO, THREE);
        System.setProperty(Topology.SELECTION_PROPERTY, "3n-lms");
        assertThat(Topology.selected(List.of(TWO, THREE))).containsExactly(THREE);
        System.setProperty(Topology.SELECTION_PROPERTY, "TWO_NODE_FFSPLIT");
        assertThatThrownBy(() -> Topology.selected(List.of(TWO, THREE)))
                .hasMessageContaining("names none of [2n-ffsplit, 3n-lms]");
    }

    @Test
    void theSpecCarriesShapeAndAlgorithm() {
        ClusterSpec spec = THREE.specBuilder(7).build();
        assertThat(List.of(spec.id(), spec.nodes())).containsExactly(7, 3);
        assertThat(spec.algorithm()).isEqualTo(QdeviceAlgorithm.LMS);
    }
}
