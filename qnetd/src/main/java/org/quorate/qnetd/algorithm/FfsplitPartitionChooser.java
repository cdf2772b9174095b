package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;

/**
 * Picks the partition that gets the ffsplit vote (spec §7.3 {@code select_partition} and
 * {@code cmp}): a strict majority of the configured nodes wins outright; an exact half competes on
 * score (active clients + PASS - FAIL), then active clients, then keep-active-partition, then the
 * tie-breaker. Candidates are the clients in node-id order; each one that beats the best so far
 * replaces it.
 */
final class FfsplitPartitionChooser {
    private FfsplitPartitionChooser() {
    }

    /** The winning membership list, or empty when no partition may become quorate. */
    static Optional<List<NodeInfo>> choose(FfsplitRound round) {
        boolean keepActivePartition = round.cluster().clients().stream()
                .allMatch(ClientState::keepActivePartition); // the leaver counts too (Q5)
        ClientState best = null;
        for (ClientState candidate : round.cluster().clients()) {
            if (round.skips(candidate)) {
                continue;
            }
            if (beats(round, candidate, best, keepActivePartition)) {
                best = candidate;
            }
        }
        return best == null ? Optional.empty() : Optional.of(round.membershipOf(best));
    }

    private static boolean beats(FfsplitRound round, ClientState x, ClientState best, boolean kap) {
        List<NodeInfo> config = round.configOf(x);
        if (config.isEmpty()) {
            // E-01: the C server dereferences the empty list here and crashes. A client that never
            // sent its configuration cannot be judged, so its partition never wins.
            return false;
        }
        int configured = config.size();
        int members = round.membershipOf(x).size();
        if (configured % 2 != 0 || members * 2 != configured) {
            return members * 2 > configured;
        }
        PartitionStats mine = PartitionStats.of(round, x);
        PartitionStats theirs = best == null ? PartitionStats.NONE : PartitionStats.of(round, best);
        if (mine.score() != theirs.score()) {
            return mine.score() > theirs.score();
        }
        if (mine.active() != theirs.active()) {
            return mine.active() > theirs.active();
        }
        if (kap && best != null) {
            List<NodeInfo> previous = round.cluster().quoratePartition();
            boolean wasQuorate = NodeLists.contains(previous, x.nodeId());
            boolean bestWasQuorate = NodeLists.contains(previous, best.nodeId());
            if (wasQuorate != bestWasQuorate) {
                return wasQuorate;
            }
        }
        return containsPreferredNode(x, config, round.membershipOf(x));
    }

    /** The tie-breaker, judged on the candidate alone. */
    private static boolean containsPreferredNode(ClientState x, List<NodeInfo> config, List<NodeInfo> membership) {
        OptionalLong preferred = switch (x.tieBreaker().mode()) {
            case LOWEST -> NodeLists.lowestId(config);
            case HIGHEST -> NodeLists.highestId(config);
            case NODE_ID -> OptionalLong.of(x.tieBreaker().nodeId());
        };
        return preferred.isPresent() && NodeLists.contains(membership, preferred.getAsLong());
    }

    /** Connected clients of a candidate's partition and how many of them report PASS / FAIL. */
    private record PartitionStats(int active, int pass, int fail) {
        static final PartitionStats NONE = new PartitionStats(0, 0, 0);

        int score() {
            return active + pass - fail;
        }

        static PartitionStats of(FfsplitRound round, ClientState candidate) {
            int active = 0;
            int pass = 0;
            int fail = 0;
            for (NodeInfo member : round.membershipOf(candidate)) {
                Optional<ClientState> client = round.cluster().find(member.nodeId());
                if (client.isEmpty()) {
                    continue;
                }
                active++;
                // Only the candidate itself is judged by its argument; every other member, the
                // sender included, by its stored heuristics (E-03, as the real server does).
                HeuristicsResult h = client.get() == candidate
                        ? round.candidateHeuristicsOf(candidate)
                        : client.get().lastHeuristics();
                if (h == HeuristicsResult.PASS) {
                    pass++;
                } else if (h == HeuristicsResult.FAIL) {
                    fail++;
                }
            }
            return new PartitionStats(active, pass, fail);
        }
    }
}
