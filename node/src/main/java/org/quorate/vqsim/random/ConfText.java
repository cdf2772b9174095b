package org.quorate.vqsim.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a flattened cmap back as corosync.conf text (corosync's own layout: sections in braces,
 * {@code key: value}, four-space indents), so that a failing random schedule can be replayed with
 * {@code quorate-vqsim -c}. {@code nodelist.node.<i>.<key>} becomes the i-th {@code node { }} block.
 */
public final class ConfText {
    private ConfText() {}

    public static String render(Map<String, String> cmap) {
        Section root = new Section("");
        for (Map.Entry<String, String> e : new TreeMap<>(cmap).entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Section s = root;
            for (int i = 0; i < parts.length - 1; i++) {
                String name = parts[i];
                if (name.equals("node") && s.name.equals("nodelist") && i + 1 < parts.length - 1) {
                    s = s.child("node#" + String.format("%06d", Integer.parseInt(parts[++i])));
                } else {
                    s = s.child(name);
                }
            }
            s.keys.put(parts[parts.length - 1], e.getValue());
        }
        StringBuilder b = new StringBuilder();
        root.children.values().forEach(c -> c.write(b, 0));
        return b.toString();
    }

    private static final class Section {
        final String name;
        final TreeMap<String, String> keys = new TreeMap<>();
        final TreeMap<String, Section> children = new TreeMap<>();

        Section(String name) {
            this.name = name;
        }

        Section child(String n) {
            return children.computeIfAbsent(n, Section::new);
        }

        void write(StringBuilder b, int depth) {
            String pad = "    ".repeat(depth);
            String shown = name.startsWith("node#") ? "node" : name;
            b.append(pad).append(shown).append(" {\n");
            List<String> order = new ArrayList<>(keys.keySet());
            if (order.remove("nodeid")) {
                order.add(0, "nodeid");
            }
            for (String k : order) {
                b.append(pad).append("    ").append(k).append(": ").append(keys.get(k)).append('\n');
            }
            children.values().forEach(c -> c.write(b, depth + 1));
            b.append(pad).append("}\n");
            if (depth == 0) {
                b.append('\n');
            }
        }
    }
}
