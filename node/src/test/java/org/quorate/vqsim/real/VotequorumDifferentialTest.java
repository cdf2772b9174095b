package org.quorate.vqsim.real;

import java.time.Duration;
import java.util.List;

/** Placeholder for the constants until the simulator lands. */
final class VotequorumDifferentialTest {
    static final Duration SETTLE = Duration.ofSeconds(60);
    /** About ten representative scenarios for CI (< 10 minutes). */
    static final List<String> CI = List.of("n3-basic", "n2-two-node", "n4-atb-lowest", "n5-lms-chain",
            "n4-wfa-split", "n3-runtime-expected", "n3-reload-add", "n4-votes-2-1-1-1", "qd2-ffsplit", "qd4-ffsplit");
}
