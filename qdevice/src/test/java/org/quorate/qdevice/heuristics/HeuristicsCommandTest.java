package org.quorate.qdevice.heuristics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeuristicsCommandTest {

    @Test
    void splitsWithDoubleQuotesAndBackslashEscapes() {
        HeuristicsCommand c = HeuristicsCommand.parse("ping", "/bin/sh -c \"ping -c 1 \\\"gw\\\"\" a\\ b");

        assertThat(c.argv()).containsExactly("/bin/sh", "-c", "ping -c 1 \"gw\"", "a b");
        assertThat(c.key()).isEqualTo("quorum.device.heuristics.exec_ping");
    }

    @Test
    void absolutePathIsRequiredUnlessExecvp() {
        HeuristicsCommand relative = HeuristicsCommand.parse("t", "true --x");

        assertThat(relative.problem(false)).hasValueSatisfying(p ->
                assertThat(p).contains("quorum.device.heuristics.exec_t", "'true'", "not an absolute path"));
        assertThat(relative.problem(true)).isEmpty();
        assertThat(HeuristicsCommand.parse("t", "bin/true").problem(false)).isPresent();
        assertThat(HeuristicsCommand.parse("t", "/bin/true").problem(false)).isEmpty();
    }

    @Test
    void emptyCommandIsAProblemEvenWithExecvp() {
        assertThat(HeuristicsCommand.parse("blank", "   ").problem(true))
                .hasValue("quorum.device.heuristics.exec_blank is empty");
    }
}
