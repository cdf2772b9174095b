package org.quorate.vqsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.quorate.vqsim.NodeSnapshot;

/**
 * S1/S4-style properties of the engine on device-less clusters: after random splits, joins, kills, restarts and
 * waits, every partition settles and its running nodes agree on members and ring; in plain configurations they also
 * agree on quorate and the numbers; without last_man_standing and auto_tie_breaker never do two disjoint partitions
 * both count as quorate (no two_node, no expected-votes lowering here, so no declared exception).
 */
class PartitionAgreementPropertyTest {
    @Property(tries = 200)
    void partitionsSettleAgreeAndNeverSplitBrain(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int n,
            @ForAll @IntRange(min = 0, max = 3) int option) {
        Confs c = Confs.nodes(n);
        switch (option) {
            case 1 -> c.quorum("wait_for_all", 1);
            case 2 -> c.quorum("last_man_standing", 1).quorum("last_man_standing_window", 2000);
            case 3 -> c.quorum("auto_tie_breaker", 1).quorum("wait_for_all", 1);
            default -> { }
        }
        Random rnd = new Random(seed);
        try (SimCluster s = new SimCluster(c.map(), p -> c.map(), seed, 3)) {
            List<Long> all = s.configuredNodes();
            s.up(0, all);
            for (int step = 0; step < 30; step++) {
                long id = all.get(rnd.nextInt(all.size()));
                switch (rnd.nextInt(5)) {
                    case 0 -> s.move(Map.of(rnd.nextInt(3), List.of(id)));
                    case 1 -> s.join(List.of(0, 1, 2));
                    case 2 -> s.down(List.of(id));
                    case 3 -> s.up(s.partitionOf(id), List.of(id));
                    default -> s.advance(Duration.ofMillis(500 + rnd.nextInt(3000)));
                }
                assertThat(s.settle(Duration.ofSeconds(5))).as("settled at step %d", step).isTrue();
                check(s.snapshot(), step, option == 0, option < 2);
            }
        }
    }

    /**
     * @param numbersToo compare the numbers and the verdict: not with wait_for_all, where the order of the sync's
     *     NODEINFOs decides whether a node that arrives alone re-arms its waiting (see SimClusterTest's
     *     {@code waitForAllNodeArrivingAloneCanStayWaitingBesideAQuorateOne}); not with auto_tie_breaker, whose
     *     remembered lowest
     *     node id and previous membership are each node's own history (a restarted node remembers none), and not
     *     with last_man_standing, whose window
     *     recalculation is local to each node that armed it, as in corosync; a node lowered that way and then
     *     rejoined by a fresh node can stay quorate while the fresh one does not (expected 3 against 4, and
     *     neither sends a NODEINFO after the verdict), which corosync 3.1.7's code does the same way
     * @param splitBrainImpossible check S1: not with auto_tie_breaker or last_man_standing, where corosync's rules
     *     let two halves both be quorate (see SimClusterTest's
     *     {@code atbFiveNodesOneDownCanBeQuorateOnBothHalvesByCorosyncsRules} and
     *     {@code lastManStandingLoweredExpectedVotesAllowsTwoQuorateHalves})
     */
    private static void check(List<NodeSnapshot> snap, int step, boolean numbersToo, boolean splitBrainImpossible) {
        Map<Integer, List<NodeSnapshot>> byPartition = snap.stream().filter(NodeSnapshot::up)
                .collect(Collectors.groupingBy(NodeSnapshot::partition));
        List<Integer> quorate = new ArrayList<>();
        byPartition.forEach((p, nodes) -> {
            NodeSnapshot first = nodes.get(0);
            for (NodeSnapshot other : nodes) {
                assertThat(other.members()).as("step %d partition %d", step, p).isEqualTo(first.members());
                assertThat(other.ring()).isEqualTo(first.ring());
                String mine = numbersToo ? other.numbers() : "total=" + other.totalVotes();
                assertThat(mine).as("step %d partition %d node %d vs %d", step, p, other.nodeId(),
                        first.nodeId()).isEqualTo(numbersToo ? first.numbers() : "total=" + first.totalVotes());
            }
            assertThat(first.members()).hasSize(nodes.size());
            if (nodes.stream().anyMatch(NodeSnapshot::quorate)) {
                quorate.add(p);
            }
        });
        if (splitBrainImpossible) {
            assertThat(quorate).as("quorate partitions at step %d: %s", step, snap).hasSizeLessThanOrEqualTo(1);
        }
    }
}
