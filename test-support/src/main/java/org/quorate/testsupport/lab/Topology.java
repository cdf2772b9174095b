package org.quorate.testsupport.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One cluster shape of a differential suite and where its faults strike. The qnetd and the qdevice suites run
 * the same three shapes (2 nodes ffsplit, 3 nodes lms, 4 nodes ffsplit) but aim some faults differently, so the
 * targets are fields; each suite lists its own set ({@code QnetdDifferentialInteropTest.TOPOLOGIES},
 * {@code QdeviceDifferentialRuns.TOPOLOGIES}). {@link #of} starts from the defaults below and the
 * {@code with...} methods move a target.
 *
 * @param name        short label, e.g. {@code 2n-ffsplit}; also what {@link #SELECTION_PROPERTY} matches
 * @param sideA       with {@code sideB}: the two halves the inter-node cut separates (both still reach qnetd)
 * @param killed      the node whose corosync (and qdevice) is SIGKILLed, a node crash; default the highest,
 *                    away from the {@code tie_breaker: lowest} node
 * @param deaf        the node that, in the asymmetric partition, receives nothing from its peers while they still
 *                    receive everything from it; default the highest
 * @param qnetdOutage how qnetd becomes unreachable; default {@link QnetdOutage#KILL}
 */
public record Topology(String name, int nodes, QdeviceAlgorithm algorithm, List<Integer> sideA, List<Integer> sideB,
                       int killed, int deaf, QnetdOutage qnetdOutage) {

    /** {@code -Dquorate.differential.topologies=2n-ffsplit,3n-lms} runs only those rows of a suite. */
    public static final String SELECTION_PROPERTY = "quorate.differential.topologies";

    /** How qnetd becomes unreachable: a dead link exercises the heartbeat (no FIN/RST), a kill the refused reconnect. */
    public enum QnetdOutage { NETWORK_DOWN, KILL }

    public Topology {
        if (nodes < 1 || nodes > 16) {
            throw new IllegalArgumentException("nodes must be 1..16, was " + nodes);
        }
        sideA = List.copyOf(sideA);
        sideB = List.copyOf(sideB);
        List<Integer> both = new ArrayList<>(sideA);
        both.addAll(sideB);
        both.sort(null);
        if (!both.equals(IntStream.rangeClosed(1, nodes).boxed().toList())) {
            throw new IllegalArgumentException(name + ": sides " + sideA + " | " + sideB + " must split 1.." + nodes);
        }
        requireNode(name, "killed", killed, nodes);
        requireNode(name, "deaf", deaf, nodes);
    }

    /** A shape with its split sides; killed and deaf node the highest, qnetd outage a kill. */
    public static Topology of(int nodes, QdeviceAlgorithm algorithm, List<Integer> sideA, List<Integer> sideB) {
        return new Topology(nodes + "n-" + algorithm.word(), nodes, algorithm, sideA, sideB, nodes, nodes,
                QnetdOutage.KILL);
    }

    public Topology withKilled(int node) {
        return new Topology(name, nodes, algorithm, sideA, sideB, node, deaf, qnetdOutage);
    }

    public Topology withDeaf(int node) {
        return new Topology(name, nodes, algorithm, sideA, sideB, killed, node, qnetdOutage);
    }

    public Topology withQnetdOutage(QnetdOutage outage) {
        return new Topology(name, nodes, algorithm, sideA, sideB, killed, deaf, outage);
    }

    /** The rows of {@code all} that {@link #SELECTION_PROPERTY} names (all of them when it is unset or blank). */
    public static List<Topology> selected(List<Topology> all) {
        String only = System.getProperty(SELECTION_PROPERTY, "");
        if (only.isBlank()) {
            return all;
        }
        List<String> names = List.of(only.split(","));
        List<Topology> picked = all.stream().filter(t -> names.contains(t.name())).toList();
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("-D" + SELECTION_PROPERTY + "=" + only + " names none of "
                    + all.stream().map(Topology::name).toList());
        }
        return picked;
    }

    /** A cluster spec of this shape (id, node count, algorithm); the suite adds its own settings. */
    public ClusterSpec.Builder specBuilder(int clusterId) {
        return ClusterSpec.builder(clusterId, nodes).algorithm(algorithm);
    }

    /** The qdevice's votes as the spec leaves them: 1 for ffsplit, corosync's default N-1 for lms. */
    public int qdeviceVotes() {
        return algorithm == QdeviceAlgorithm.LMS ? nodes - 1 : 1;
    }

    public List<Integer> sideOf(int node) {
        return sideA.contains(node) ? sideA : sideB;
    }

    @Override
    public String toString() {
        return name;
    }

    private static void requireNode(String name, String what, int node, int nodes) {
        if (node < 1 || node > nodes) {
            throw new IllegalArgumentException(name + ": " + what + " node must be 1.." + nodes + ", was " + node);
        }
    }
}
