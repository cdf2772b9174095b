package org.quorate.vqsim.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.reference.ReferenceCluster;
import org.quorate.vqsim.run.Comparison;

/**
 * The invariants checked after every step of a random schedule.
 * <ul>
 * <li>S1: never two disjoint quorate partitions, except where the configuration or the administrator
 *     allows it (two_node without a device; after an expected/votes change or a reload that removed
 *     nodes): those are counted, not failed.
 * <li>S2: every node's numbers equal the reference model's (and both accept or both refuse a runtime
 *     change).
 * <li>S3: a node that the reference model says is still waiting for all votes is not quorate.
 * <li>S4: once the faults have stopped and every timer has run out, the running nodes of each
 *     partition agree on membership and on quorate.
 * </ul>
 */
public final class Invariants {
    private Invariants() {}

    /** Verdict of S1: null when fine, else the description; {@code excused} tells whether it is allowed. */
    public static String s1(List<NodeSnapshot> engine) {
        // partitions as the nodes see them: a quorate node's membership
        List<TreeSet<Long>> quorateViews = new ArrayList<>();
        for (NodeSnapshot n : engine) {
            if (n.up() && n.quorate()) {
                TreeSet<Long> view = new TreeSet<>(n.members());
                view.add(n.nodeId());
                if (!quorateViews.contains(view)) {
                    quorateViews.add(view);
                }
            }
        }
        for (int i = 0; i < quorateViews.size(); i++) {
            for (int j = i + 1; j < quorateViews.size(); j++) {
                TreeSet<Long> a = quorateViews.get(i);
                if (a.stream().noneMatch(quorateViews.get(j)::contains)) {
                    return "S1: two disjoint quorate partitions " + a + " and " + quorateViews.get(j);
                }
            }
        }
        return null;
    }

    public static List<String> s2(List<NodeSnapshot> engine, List<NodeSnapshot> reference, List<String> refusals) {
        List<String> out = new ArrayList<>();
        Comparison.differences(engine, reference).forEach(d -> out.add("S2: " + d));
        refusals.forEach(d -> out.add("S2: " + d));
        return out;
    }

    public static List<String> s3(List<NodeSnapshot> engine, ReferenceCluster reference) {
        List<String> out = new ArrayList<>();
        for (NodeSnapshot n : engine) {
            if (n.up() && n.quorate() && reference.waitingForAll(n.nodeId())) {
                out.add("S3: node " + n.nodeId() + " is quorate before it has seen all votes (total "
                        + n.totalVotes() + ", expected " + n.expected() + ")");
            }
        }
        return out;
    }

    public static List<String> s4(List<NodeSnapshot> engine) {
        Map<Integer, List<NodeSnapshot>> byPartition = engine.stream().filter(NodeSnapshot::up)
                .collect(Collectors.groupingBy(NodeSnapshot::partition, TreeMap::new, Collectors.toList()));
        List<String> out = new ArrayList<>();
        byPartition.forEach((p, nodes) -> {
            NodeSnapshot first = nodes.get(0);
            for (NodeSnapshot n : nodes) {
                if (n.quorate() != first.quorate() || !new TreeSet<>(n.members()).equals(new TreeSet<>(first.members()))) {
                    out.add("S4: partition " + p + ": node " + first.nodeId() + " (quorate=" + first.quorate()
                            + " members=" + first.members() + ") and node " + n.nodeId() + " (quorate=" + n.quorate()
                            + " members=" + n.members() + ") disagree");
                }
            }
        });
        return out;
    }
}
