package org.quorate.votequorum.status;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only flattening of the simple corosync.conf files of the reference outputs (sections, {@code key: value},
 * whole-line comments) into cmap keys, {@code nodelist.node.N.*} numbered in file order. Not the real parser.
 */
final class MiniConf {
    private MiniConf() {
    }

    static Map<String, String> flatten(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Map<String, Integer> counters = new HashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("{")) {
                String name = line.substring(0, line.length() - 1).trim();
                String prefix = String.join(".", path);
                if (name.equals("node") && prefix.equals("nodelist")) {
                    int n = counters.merge("nodelist.node", 1, Integer::sum) - 1;
                    path.addLast("node." + n);
                } else {
                    path.addLast(name);
                }
            } else if (line.equals("}")) {
                path.removeLast();
            } else {
                int colon = line.indexOf(':');
                String prefix = String.join(".", path);
                keys.put((prefix.isEmpty() ? "" : prefix + ".") + line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            }
        }
        return keys;
    }
}
