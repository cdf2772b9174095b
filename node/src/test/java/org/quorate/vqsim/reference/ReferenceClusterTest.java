package org.quorate.vqsim.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quorate.vqsim.Cmaps;
import org.quorate.vqsim.NodeSnapshot;

/** The reference model against the worked examples of node-and-link spec §2.10 and §9. */
class ReferenceClusterTest {
    private final Map<Path, Map<String, String>> files = new HashMap<>();

    private ReferenceCluster start(Cmaps c) {
        ReferenceCluster r = new ReferenceCluster(c.map(), files::get);
        r.up(0, r.configuredNodes());
        return r;
    }

    private static NodeSnapshot node(ReferenceCluster r, long id) {
        return r.snapshot().stream().filter(n -> n.nodeId() == id).findFirst().orElseThrow();
    }

    @Test
    void threeNodesToleratesOneFailureNotTwo() {
        ReferenceCluster r = start(Cmaps.nodes(3));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=3 highest=3 total=3 quorum=2 flags=2 quorate=true");
        r.down(List.of(3L));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=3 highest=3 total=2 quorum=2 flags=2 quorate=true");
        r.down(List.of(2L));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=3 highest=3 total=1 quorum=2 flags=0 quorate=false");
    }

    @Test
    void twoNodeWaitsForAllThenSurvivesAlone() {
        ReferenceCluster r = new ReferenceCluster(Cmaps.nodes(2).with("quorum.two_node", 1).map(), files::get);
        r.up(0, List.of(1L));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=2 highest=2 total=1 quorum=1 flags=5 quorate=false");
        assertThat(r.waitingForAll(1)).isTrue();
        r.up(0, List.of(2L));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=2 highest=2 total=2 quorum=1 flags=7 quorate=true");
        r.down(List.of(2L));
        assertThat(node(r, 1).quorate()).isTrue();
    }

    @Test
    void twoNodesWithFfsplitDeviceGrowExpectedToThree() {
        ReferenceCluster r = start(Cmaps.nodes(2).with("quorum.device.model", "net").with("quorum.device.votes", 1));
        assertThat(node(r, 1).expected()).isEqualTo(3);
        assertThat(node(r, 1).quorum()).isEqualTo(2);
        r.qdeviceOn(List.of(1L, 2L));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=3 highest=3 total=3 quorum=2 flags=450 quorate=true");
        r.move(Map.of(1, List.of(2L)));
        r.qdeviceOff(List.of(2L));
        assertThat(node(r, 1).quorate()).isTrue();
        assertThat(node(r, 2).quorate()).isFalse();
    }

    @Test
    void fourNodesHalfSplitNeedsTheTieBreaker() {
        ReferenceCluster r = start(Cmaps.nodes(4).with("quorum.auto_tie_breaker", 1));
        r.move(Map.of(1, List.of(3L, 4L)));
        assertThat(node(r, 1).quorate()).isTrue();
        assertThat(node(r, 2).quorate()).isTrue();
        assertThat(node(r, 3).quorate()).isFalse();
        assertThat(node(r, 4).quorate()).isFalse();
    }

    @Test
    void fifteenNodesWithLmsDeviceGetAutomaticDeviceVotes() {
        ReferenceCluster r = start(Cmaps.nodes(15).with("quorum.device.model", "net"));
        assertThat(node(r, 1).expected()).isEqualTo(29);
        assertThat(node(r, 1).quorum()).isEqualTo(15);
    }

    @Test
    void expectedOneOnTheLastSurvivor() {
        ReferenceCluster r = start(Cmaps.nodes(3));
        assertThat(r.setExpected(1, 1)).isEqualTo("Unable to set expected votes: CS_ERR_INVALID_PARAM");
        r.down(List.of(2L, 3L));
        assertThat(r.setExpected(1, 1)).isNull();
        assertThat(node(r, 1).numbers()).isEqualTo("expected=1 highest=1 total=1 quorum=1 flags=2 quorate=true");
    }

    @Test
    void lastManStandingShrinksExpectedAfterTheWindow() {
        ReferenceCluster r = start(Cmaps.nodes(8).with("quorum.last_man_standing", 1)
                .with("quorum.last_man_standing_window", 10000));
        r.down(List.of(6L, 7L, 8L));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=8 highest=8 total=5 quorum=5 flags=10 quorate=true");
        r.advance(Duration.ofMillis(9999));
        assertThat(node(r, 1).expected()).isEqualTo(8);
        r.advance(Duration.ofMillis(1));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=5 highest=5 total=5 quorum=3 flags=10 quorate=true");
    }

    @Test
    void reloadGrowsExpectedAndRefusesBadConfig() {
        ReferenceCluster r = start(Cmaps.nodes(3));
        files.put(Path.of("five.conf"), Cmaps.nodes(5).map());
        r.reload(Path.of("five.conf"));
        assertThat(node(r, 1).numbers()).isEqualTo("expected=5 highest=5 total=3 quorum=3 flags=2 quorate=true");
        assertThatThrownBy(() -> new ReferenceCluster(Cmaps.nodes(2).with("quorum.two_node", 1)
                .with("quorum.device.model", "net").map(), files::get).up(0, List.of(1L)))
                .hasMessageContaining("two_node and quorum device cannot be configured at the same time");
    }

    @Test
    void oddAtbWithoutWaitForAllIsDisabled() {
        ReferenceCluster r = start(Cmaps.nodes(3).with("quorum.auto_tie_breaker", 1));
        assertThat(node(r, 1).flags() & 16).isZero();
    }
}
