package org.quorate.testsupport.lab;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkShapingTest {
    private final LinkShaping.Device dev = new LinkShaping.Device("ns1", "eth0");

    @Test
    void jitterIsNormallyDistributedAroundTheDelayAndLeftOutWhenZero() {
        assertThat(LinkShaping.netem(Duration.ofMillis(500), Duration.ZERO)).containsExactly("netem", "delay", "500ms");
        assertThat(LinkShaping.netem(Duration.ofMillis(500), Duration.ofMillis(50)))
                .containsExactly("netem", "delay", "500ms", "50ms", "distribution", "normal");
        assertThatThrownBy(() -> LinkShaping.netem(Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("must be >= 0");
    }

    @Test
    void aDelayTowardsOnePeerIsAnHtbClassChosenByOneU32FilterPerPeerAddress() {
        List<List<String>> cmds = LinkShaping.delayTo(dev, "dst", List.of("198.18.0.100", "198.19.0.100"),
                Duration.ofMillis(200), Duration.ZERO);
        assertThat(cmds).allSatisfy(c -> assertThat(c).startsWith("ip", "netns", "exec", "ns1", "tc"));
        assertThat(cmds.get(0)).containsSubsequence("root", "htb", "default", "1"); // unmatched traffic: unshaped
        assertThat(cmds).filteredOn(c -> c.contains("netem")).singleElement()
                .satisfies(c -> assertThat(c).containsSubsequence("parent", "1:2", "netem", "delay", "200ms"));
        assertThat(cmds).filteredOn(c -> c.contains("u32")).extracting(c -> c.get(c.indexOf("dst") + 1))
                .containsExactly("198.18.0.100/32", "198.19.0.100/32");
    }

    @Test
    void lossIsARandomDropWithTheGivenProbabilityAndOutOfRangePercentsAreRefused() {
        assertThat(LinkShaping.lossRule(15)).containsSubsequence("--mode", "random", "--probability", "0.15", "-j", "DROP");
        assertThatThrownBy(() -> LinkShaping.lossRule(0)).hasMessageContaining("1..100");
        assertThatThrownBy(() -> LinkShaping.lossRule(101)).hasMessageContaining("1..100");
    }
}
