package org.quorate.qnetd.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.Vote;
import org.quorate.qnetd.algorithm.TimerCommand.Action;

/**
 * Random clusters of 2–8 nodes under random event orders: partitions, ring changes, heuristics,
 * acknowledgements in any interleaving, disconnects and reconnects. Deterministic: no clock, the
 * timer is only a request in the outcome.
 */
class AlgorithmPropertiesTest {

    @Provide
    Arbitrary<List<Integer>> actions() {
        return Arbitraries.integers().between(0, 99_999).list().ofMinSize(1).ofMaxSize(150);
    }

    @Property(tries = 2000)
    void ffsplitNeverLetsTwoDisjointPartitionsHoldTheVote(@ForAll @IntRange(min = 2, max = 8) int size,
                                                          @ForAll long seed,
                                                          @ForAll("actions") List<Integer> actions) {
        RandomCluster cluster = new RandomCluster(DecisionAlgorithm.FFSPLIT, size, seed, false);
        if (seed % 4 != 0) {
            cluster.warmUp(); // mostly start from a decided cluster, sometimes from scratch
        }
        int mostHolders = 0;
        for (int code : actions) {
            cluster.act(code);
            assertHoldersOverlap(cluster);
            mostHolders = Math.max(mostHolders, cluster.holders.size());
        }
        cluster.ackEverything();
        assertHoldersOverlap(cluster);
        Statistics.label("most clients holding ACK at once").collect(Math.min(mostHolders, 3));
    }

    private static void assertHoldersOverlap(RandomCluster cluster) {
        List<Map.Entry<Long, List<Long>>> holders = new ArrayList<>(cluster.holderMemberships().entrySet());
        for (int i = 0; i < holders.size(); i++) {
            for (int j = i + 1; j < holders.size(); j++) {
                List<Long> a = holders.get(i).getValue();
                List<Long> b = holders.get(j).getValue();
                assertThat(a).as("ACK held by %s (%s) and %s (%s) in %s", holders.get(i).getKey(), a,
                        holders.get(j).getKey(), b, cluster).containsAnyElementsOf(b);
            }
        }
    }

    @Property(tries = 1000)
    void ffsplitCleanFiftyFiftySplitEndsWithExactlyOneHalfAcked(@ForAll @IntRange(min = 1, max = 4) int half,
                                                                @ForAll long seed,
                                                                @ForAll("actions") List<Integer> noise) {
        RandomCluster cluster = new RandomCluster(DecisionAlgorithm.FFSPLIT, 2 * half, seed, true);
        long[] ids = cluster.ids;
        long[] firstHalf = new long[half];
        List<Long> shuffled = new ArrayList<>();
        for (long id : ids) {
            shuffled.add(id);
        }
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        for (int i = 0; i < half; i++) {
            firstHalf[i] = shuffled.get(i);
        }
        cluster.splitInHalves(firstHalf);

        // every client sends config then membership, interleaved at random with acks
        Map<Long, Integer> sent = new HashMap<>();
        for (int code : noise) {
            long id = ids[Math.floorMod(code / 10, ids.length)];
            int done = sent.getOrDefault(id, 0);
            if (code % 3 == 0 || done == 2) {
                cluster.ackOldest(id);
            } else {
                sendNext(cluster, id, done);
                sent.put(id, done + 1);
            }
        }
        for (long id : ids) {
            for (int done = sent.getOrDefault(id, 0); done < 2; done++) {
                sendNext(cluster, id, done);
            }
        }
        cluster.ackEverything();

        List<Long> acked = cluster.harness.ackedNodes();
        List<Long> first = java.util.Arrays.stream(firstHalf).sorted().boxed().toList();
        List<Long> second = java.util.Arrays.stream(ids).filter(id -> !first.contains(id)).boxed().toList();
        assertThat(acked).as("%s split %s | %s", cluster, first, second).isIn(first, second);
        assertThat(cluster.holders.keySet()).containsExactlyInAnyOrderElementsOf(acked);
        assertThat(cluster.harness.cluster.ffsplitPhase()).isEqualTo(FfsplitClusterPhase.WAITING_FOR_CHANGE);
    }

    private static void sendNext(RandomCluster cluster, long id, int alreadySent) {
        if (alreadySent == 0) {
            cluster.sendConfig(id);
        } else {
            cluster.sendMembership(id);
        }
    }

    @Property(tries = 500)
    void ffsplitVoteInfoSeqNumbersCountUpByOnePerClient(@ForAll @IntRange(min = 2, max = 8) int size,
                                                        @ForAll long seed,
                                                        @ForAll("actions") List<Integer> actions) {
        RandomCluster cluster = new RandomCluster(DecisionAlgorithm.FFSPLIT, size, seed, false);
        for (int code : actions) {
            cluster.act(code);
        }
        Map<ClientState, Long> last = new java.util.IdentityHashMap<>();
        for (VoteInfo vi : cluster.harness.sentVoteInfos) {
            assertThat(vi.vote()).isIn(Vote.ACK, Vote.NACK);
            assertThat(vi.seq()).isEqualTo(last.getOrDefault(vi.target(), 0L) + 1);
            last.put(vi.target(), vi.seq());
        }
    }

    @Property(tries = 800)
    void lmsWaitsWithATimerAndPushesOnlyAckOrNackFromIt(@ForAll @IntRange(min = 2, max = 8) int size,
                                                        @ForAll long seed,
                                                        @ForAll("actions") List<Integer> actions) {
        RandomCluster cluster = new RandomCluster(DecisionAlgorithm.LMS, size, seed, false);
        cluster.warmUp();
        Map<ClientState, Long> timerSeq = new java.util.IdentityHashMap<>();
        for (int code : actions) {
            cluster.act(code);
            long id = cluster.ids[Math.floorMod(code / 10, cluster.ids.length)];
            if (cluster.connected(id)) {
                Outcome fired = cluster.harness.timer(id);
                assertThat(fired.replyVote()).isNull();
                for (VoteInfo vi : fired.voteInfos()) {
                    assertThat(vi.vote()).isIn(Vote.ACK, Vote.NACK);
                    assertThat(vi.ringId()).isEqualTo(vi.target().ringId());
                    assertThat(vi.seq()).isEqualTo(timerSeq.getOrDefault(vi.target(), 0L) + 1);
                    timerSeq.put(vi.target(), vi.seq());
                }
                boolean scheduled = fired.timerCommands().stream().anyMatch(t -> t.action() == Action.SCHEDULE);
                assertThat(scheduled).isEqualTo(fired.voteInfos().isEmpty());
            }
            Outcome asked = cluster.connected(id) ? cluster.harness.askForVote(id) : null;
            if (asked != null) {
                boolean scheduled = asked.timerCommands().stream().anyMatch(t -> t.action() == Action.SCHEDULE);
                assertThat(scheduled).isEqualTo(asked.replyVote() == Vote.WAIT_FOR_REPLY);
            }
        }
    }

    @Property(tries = 800)
    void twoNodeLmsAnswersOnlyInRepliesAndRejectsOtherSizes(@ForAll @IntRange(min = 2, max = 8) int size,
                                                            @ForAll long seed,
                                                            @ForAll("actions") List<Integer> actions) {
        RandomCluster cluster = new RandomCluster(DecisionAlgorithm.TWO_NODE_LMS, size, seed, false);
        cluster.warmUp();
        for (int code : actions) {
            cluster.act(code);
        }
        assertThat(cluster.harness.sentVoteInfos).isEmpty();
        for (ClientState client : cluster.harness.cluster.clients()) {
            assertThat(client.configNodes().size()).isIn(0, 2); // any other size was refused (error 12)
            assertThat(client.lastResult()).isIn(null, Vote.ACK, Vote.NACK);
        }
    }
}
