package org.quorate.vqsim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quorate.vqsim.NodeSnapshot;

/**
 * Compares the engine's snapshots with the reference model's, node by node: up, partition, members
 * (as a set), expected, highest expected, total votes, quorum, flags and quorate. The ring id is not
 * compared: its sequence numbering is each implementation's own.
 */
public final class Comparison {
    private Comparison() {}

    /** One line per node that differs, empty when all agree. */
    public static List<String> differences(List<NodeSnapshot> engine, List<NodeSnapshot> reference) {
        Map<Long, NodeSnapshot> e = engine.stream().collect(Collectors.toMap(NodeSnapshot::nodeId, Function.identity()));
        Map<Long, NodeSnapshot> r = reference.stream().collect(Collectors.toMap(NodeSnapshot::nodeId, Function.identity()));
        TreeSet<Long> ids = new TreeSet<>(e.keySet());
        ids.addAll(r.keySet());
        List<String> out = new ArrayList<>();
        for (long id : ids) {
            NodeSnapshot a = e.get(id);
            NodeSnapshot b = r.get(id);
            String ka = key(a);
            String kb = key(b);
            if (!ka.equals(kb)) {
                out.add("node " + id + ": engine [" + ka + "] reference [" + kb + "]");
            }
        }
        return out;
    }

    private static String key(NodeSnapshot n) {
        if (n == null || !n.up()) { // a node removed from the nodelist and one that is down: both not running
            return "down";
        }
        return "partition=" + n.partition() + " members=" + new TreeSet<>(n.members()) + " " + n.numbers();
    }
}
