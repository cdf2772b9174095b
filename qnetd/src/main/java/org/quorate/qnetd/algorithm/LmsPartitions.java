package org.quorate.qnetd.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quorate.cluster.RingId;


/**
 * The partitions lms compares (spec §7.5): clients grouped by stored ring id in node-id order,
 * clients with ring sequence 0 (no ring yet) left out. Score per member: 1, +1 for PASS, -1 for FAIL.
 */
final class LmsPartitions {
    /** One partition: its ring, member count and score. */
    record Partition(RingId ring, int nodes, int score) {
    }

    private final List<Partition> partitions;

    private LmsPartitions(List<Partition> partitions) {
        this.partitions = partitions;
    }

    static LmsPartitions of(ClusterState cluster) {
        Map<RingId, int[]> byRing = new LinkedHashMap<>();
        for (ClientState client : cluster.clients()) {
            if (client.ringId().seq() == 0) {
                continue;
            }
            int[] nodesAndScore = byRing.computeIfAbsent(client.ringId(), r -> new int[2]);
            nodesAndScore[0]++;
            nodesAndScore[1] += 1 + client.lastHeuristics().score();
        }
        List<Partition> list = new ArrayList<>();
        byRing.forEach((ring, v) -> list.add(new Partition(ring, v[0], v[1])));
        return new LmsPartitions(list);
    }

    int count() {
        return partitions.size();
    }

    /** The unique partition with the highest score, or null when the highest score is shared. */
    Partition uniqueBestScore() {
        return uniqueMax(true);
    }

    /** The unique partition with the most members, or null when the largest size is shared. */
    Partition uniqueLargest() {
        return uniqueMax(false);
    }

    private Partition uniqueMax(boolean byScore) {
        Partition best = null;
        boolean shared = false;
        for (Partition p : partitions) {
            int value = byScore ? p.score() : p.nodes();
            if (best == null || value > (byScore ? best.score() : best.nodes())) {
                best = p;
                shared = false;
            } else if (value == (byScore ? best.score() : best.nodes())) {
                shared = true;
            }
        }
        return shared ? null : best;
    }
}
