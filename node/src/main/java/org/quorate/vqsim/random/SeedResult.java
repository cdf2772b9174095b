package org.quorate.vqsim.random;

import java.util.List;

/**
 * One seed's run.
 *
 * @param violations the failed invariants at the first failing step (empty when the seed passed)
 * @param failedStep that step (0 = the start), -1 when none failed
 * @param s1Excused how many steps showed two disjoint quorate partitions that the configuration or an
 *     administrator's change allows: two_node without a device; after an expected/votes change or a reload
 *     that removed nodes; with last_man_standing, whose lowered expected votes assume that the nodes that
 *     left are dead (a lowered 5-node remainder can split 3:2 and each side merge with earlier leavers);
 *     with auto_tie_breaker, when a side is quorate only by the tie-breaker and the halves remember
 *     different tie-breaker ids (refreshed only while quorate)
 */
public record SeedResult(long seed, int steps, List<String> violations, int failedStep, S1Excused s1Excused,
        Schedule schedule) {
    /**
     * Steps with two disjoint quorate partitions that are allowed, by cause; and {@code s4AfterAdmin}: 1
     * when the partitions disagreed at the end of a run in which an administrator changed expected votes
     * or votes (corosync does not announce a runtime expected value to nodes that join later).
     */
    public record S1Excused(int twoNode, int admin, int lastManStanding, int autoTieBreaker, int s4AfterAdmin) {}

    public boolean passed() {
        return violations.isEmpty();
    }
}
