package org.quorate.vqsim.real;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * vqsim's partition bookkeeping for real nodes: which partition each node is in (every node starts in 0,
 * a stopped node keeps its partition until it is started again) and which pairs of nodes must therefore
 * be cut apart. Pure; {@link RealCorosyncCluster} turns the difference between two cut sets into iptables.
 */
final class Partitions {
    /** An unordered pair of nodes, lower id first. */
    record Pair(long low, long high) implements Comparable<Pair> {
        Pair {
            if (low >= high) {
                throw new IllegalArgumentException("pair must be (lower, higher): " + low + ", " + high);
            }
        }

        static Pair of(long a, long b) {
            return a < b ? new Pair(a, b) : new Pair(b, a);
        }

        @Override
        public int compareTo(Pair o) {
            return low != o.low ? Long.compare(low, o.low) : Long.compare(high, o.high);
        }
    }

    private final TreeMap<Long, Integer> partitionOf = new TreeMap<>();

    Partitions(Iterable<Long> nodes) {
        for (long n : nodes) {
            partitionOf.put(n, 0);
        }
    }

    int partitionOf(long node) {
        Integer p = partitionOf.get(node);
        if (p == null) {
            throw new IllegalArgumentException("node " + node + " is not a node of this cluster " + partitionOf.keySet());
        }
        return p;
    }

    void place(long node, int partition) {
        partitionOf(node);
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        partitionOf.put(node, partition);
    }

    /** vqsim's {@code join p q ...}: every node of q ... moves into p (the first listed). */
    void join(List<Integer> partitions) {
        int into = partitions.get(0);
        Set<Integer> merged = new TreeSet<>(partitions.subList(1, partitions.size()));
        partitionOf.replaceAll((n, p) -> merged.contains(p) ? into : p);
    }

    /** Every pair of nodes in different partitions: those must not hear each other. */
    Set<Pair> cuts() {
        Set<Pair> cuts = new TreeSet<>();
        List<Map.Entry<Long, Integer>> all = new ArrayList<>(partitionOf.entrySet());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (!all.get(i).getValue().equals(all.get(j).getValue())) {
                    cuts.add(Pair.of(all.get(i).getKey(), all.get(j).getKey()));
                }
            }
        }
        return cuts;
    }

    /** The nodes of each partition (only partitions that have a node), ascending. */
    Map<Integer, Set<Long>> members() {
        Map<Integer, Set<Long>> m = new TreeMap<>();
        partitionOf.forEach((n, p) -> m.computeIfAbsent(p, x -> new TreeSet<>()).add(n));
        return m;
    }
}
