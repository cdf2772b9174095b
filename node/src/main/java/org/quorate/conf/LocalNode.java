package org.quorate.conf;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Which nodelist entry is this host (exec/totemconfig.c {@code find_local_node}), without I/O: the caller
 * passes the host name ({@code uname -n}), the numeric addresses of its interfaces and, optionally, their
 * reverse-resolved names. Matching, in corosync's order: the host name exactly; the host name with its
 * trailing labels removed one at a time, and the bare short name against node names cut at their first dot;
 * per interface its reverse name (whole, then cut at the first dot), then its numeric text. A node matches
 * on its {@code name} or its {@code ring0_addr}; entries are tried in cmap key order, as corosync iterates
 * them ({@code nodelist.node.10} before {@code nodelist.node.2}). corosync's last step, resolving every
 * nodelist name and comparing addresses, is the caller's (it needs DNS).
 */
public final class LocalNode {
    private LocalNode() {
    }

    /** The position (cmap's N) of the local node, if found. */
    public static OptionalInt find(ConfDocument doc, String hostName, List<String> localAddresses,
                                   Function<String, String> reverseName) {
        OptionalInt exact = byName(doc, hostName, false);
        if (exact.isPresent()) {
            return exact;
        }
        String shorter = hostName;
        while (shorter.lastIndexOf('.') >= 0) {
            shorter = shorter.substring(0, shorter.lastIndexOf('.'));
            OptionalInt p = byName(doc, shorter, false);
            if (p.isPresent()) {
                return p;
            }
        }
        OptionalInt stripped = byName(doc, shorter, true);
        if (stripped.isPresent()) {
            return stripped;
        }
        for (String address : localAddresses) {
            String name = reverseName.apply(address);
            if (name != null) {
                OptionalInt p = byName(doc, name, false);
                if (p.isEmpty() && name.indexOf('.') >= 0) {
                    p = byName(doc, name.substring(0, name.indexOf('.')), false);
                }
                if (p.isPresent()) {
                    return p;
                }
            }
            OptionalInt p = byName(doc, address, false);
            if (p.isPresent()) {
                return p;
            }
        }
        return OptionalInt.empty();
    }

    /** {@link #find} or corosync's refusal. */
    public static int require(ConfDocument doc, String hostName, List<String> localAddresses) {
        return find(doc, hostName, localAddresses, a -> null).orElseThrow(() -> new ConfException(
            ConfException.Stage.VALIDATION, doc.fileName(), 0, "nodelist",
            "parse error in config: No valid name found for local host"));
    }

    /** nodelist_byname: {@code name} or {@code ring0_addr} equal to {@code find} (optionally cut at the first dot). */
    private static OptionalInt byName(ConfDocument doc, String find, boolean stripDomain) {
        for (Map.Entry<String, String> e : doc.cmap().tailMap("nodelist.node.").entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("nodelist.node.")) {
                break;
            }
            String rest = key.substring("nodelist.node.".length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || !rest.substring(0, dot).chars().allMatch(Character::isDigit)) {
                continue;
            }
            String field = rest.substring(dot + 1);
            if (!field.equals("name") && !field.equals("ring0_addr")) {
                continue;
            }
            String name = e.getValue();
            if (stripDomain && name.indexOf('.') >= 0) {
                name = name.substring(0, name.indexOf('.'));
            }
            if (name.equals(find)) {
                return OptionalInt.of(Integer.parseInt(rest.substring(0, dot)));
            }
        }
        return OptionalInt.empty();
    }
}
