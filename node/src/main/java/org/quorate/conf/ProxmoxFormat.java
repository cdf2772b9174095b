package org.quorate.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Proxmox dialect (pve-cluster src/PVE/Corosync.pm): its reader {@code parse_conf}, a tokenizer stricter
 * than corosync's ('#' starts a comment anywhere, every value is one token, only {@code node} and
 * {@code interface} sections may repeat), and its writer {@code write_conf} (keys sorted byte-wise, two
 * spaces per level, an empty line after each top-level section, comments lost). The model is Proxmox's:
 * a section maps a name to a value, a section, or (for {@code node}/{@code interface}) a list of sections;
 * {@code nodelist.node} is keyed by name (else ring0_addr), {@code totem.interface} by linknumber (else
 * ringnumber), and written in the order of those keys.
 */
final class ProxmoxFormat {
    private ProxmoxFormat() {
    }

    /** A Proxmox section: sorted, so that writing is a walk. */
    static final class Section {
        final TreeMap<String, Object> entries = new TreeMap<>();
    }

    /** Parses as PVE::Corosync::parse_conf does, with its messages; the line is that of the offending token. */
    static Section read(String fileName, String raw) {
        List<String> tokens = new ArrayList<>();
        List<Integer> tokenLines = new ArrayList<>();
        String[] lines = raw.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            for (String t : line.split("[ \\t\\r\\f\\u000B]+")) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                    tokenLines.add(i + 1);
                }
            }
        }
        Section main = new Section();
        List<Section> stack = new ArrayList<>();
        Section section = main;
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            int line = tokenLines.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            i++;
            if ("{".equals(next)) {
                i++;
                Section inner = new Section();
                Object existing = section.entries.get(token);
                if (token.equals("node") || token.equals("interface")) {
                    @SuppressWarnings("unchecked")
                    List<Section> list = existing instanceof List<?> l ? (List<Section>) l : new ArrayList<>();
                    list.add(inner);
                    section.entries.put(token, list);
                } else if (existing == null) {
                    section.entries.put(token, inner);
                } else {
                    throw error(fileName, line, token, "section '" + token + "' already exists and not marked as array!");
                }
                stack.add(section);
                section = inner;
                continue;
            }
            if (token.equals("}")) {
                if (stack.isEmpty()) {
                    throw error(fileName, line, null, "parse error - uncexpected '}'");
                }
                section = stack.remove(stack.size() - 1);
                continue;
            }
            if (!token.endsWith(":")) {
                throw error(fileName, line, token, "missing ':' after key '" + token + "'");
            }
            String key = token.substring(0, token.length() - 1);
            if (next == null) {
                throw error(fileName, line, key, "parse error - no value for '" + key + "'");
            }
            i++;
            section.entries.put(key, next);
        }
        keyArrays(main);
        return main;
    }

    /** parse_conf's post-processing: the node and interface lists become maps keyed as Proxmox keys them. */
    private static void keyArrays(Section main) {
        if (main.entries.get("nodelist") instanceof Section nodelist) {
            nodelist.entries.put("node", keyed(nodelist.entries.get("node"), "name", "ring0_addr"));
        }
        if (main.entries.get("totem") instanceof Section totem) {
            totem.entries.put("interface", keyed(totem.entries.get("interface"), "linknumber", "ringnumber"));
        }
    }

    private static Map<String, Section> keyed(Object list, String key, String fallback) {
        TreeMap<String, Section> out = new TreeMap<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                Section s = (Section) o;
                Object k = s.entries.containsKey(key) ? s.entries.get(key) : s.entries.get(fallback);
                out.put(k instanceof String str ? str : "", s); // Perl: an undefined key becomes ""
            }
        }
        return out;
    }

    /** Proxmox's model of a corosync-grammar tree (for writing an edited document Proxmox's way). */
    static Section fromTree(String fileName, ConfSection root) {
        Section main = convert(fileName, root);
        keyArrays(main);
        return main;
    }

    private static Section convert(String fileName, ConfSection tree) {
        Section out = new Section();
        for (ConfNode n : tree.children()) {
            if (n instanceof ConfItem item) {
                if (item.value().isEmpty() || item.value().matches(".*[\\s#].*")) {
                    throw new ConfException(ConfException.Stage.WRITE, fileName, item.line(), item.key(),
                        "value '" + item.value() + "' of '" + item.key() + "' cannot be written in the Proxmox dialect");
                }
                out.entries.put(item.key(), item.value());
            } else if (n instanceof ConfSection s) {
                Section inner = convert(fileName, s);
                Object existing = out.entries.get(s.name());
                if (s.name().equals("node") || s.name().equals("interface")) {
                    @SuppressWarnings("unchecked")
                    List<Section> list = existing instanceof List<?> l ? (List<Section>) l : new ArrayList<>();
                    list.add(inner);
                    out.entries.put(s.name(), list);
                } else if (existing == null) {
                    out.entries.put(s.name(), inner);
                } else {
                    throw new ConfException(ConfException.Stage.WRITE, fileName, s.line(), s.name(),
                        "section '" + s.name() + "' already exists and not marked as array!");
                }
            }
        }
        return out;
    }

    /** write_conf: note that it always writes {@code nodelist} and {@code totem} (Perl autovivification). */
    static String write(Section main) {
        Section c = new Section();
        c.entries.putAll(main.entries);
        c.entries.put("nodelist", withArray(c.entries.get("nodelist"), "node"));
        c.entries.put("totem", withArray(c.entries.get("totem"), "interface"));
        StringBuilder out = new StringBuilder();
        dump(c, "", out);
        return out.toString();
    }

    private static Section withArray(Object existing, String arrayKey) {
        Section copy = new Section();
        if (existing instanceof Section s) {
            copy.entries.putAll(s.entries);
        }
        Object keyed = copy.entries.get(arrayKey);
        List<Object> list = new ArrayList<>();
        if (keyed instanceof Map<?, ?> m) {
            list.addAll(m.values()); // TreeMap: sorted by key, as hash_to_array sorts
        } else if (keyed instanceof List<?> l) {
            list.addAll(l);
        }
        copy.entries.put(arrayKey, list);
        return copy;
    }

    private static void dump(Section section, String prefix, StringBuilder out) {
        for (Map.Entry<String, Object> e : section.entries.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v instanceof Section s) {
                out.append(prefix).append(k).append(" {\n");
                dump(s, prefix + "  ", out);
                out.append(prefix).append("}\n");
                if (prefix.isEmpty()) {
                    out.append('\n');
                }
            } else if (v instanceof List<?> list) {
                for (Object child : list) {
                    out.append(prefix).append(k).append(" {\n");
                    dump((Section) child, prefix + "  ", out);
                    out.append(prefix).append("}\n");
                }
            } else if (v instanceof Map<?, ?> m) {
                for (Object child : m.values()) {
                    out.append(prefix).append(k).append(" {\n");
                    dump((Section) child, prefix + "  ", out);
                    out.append(prefix).append("}\n");
                }
            } else {
                out.append(prefix).append(k).append(": ").append(v).append('\n');
            }
        }
    }

    private static ConfException error(String fileName, int line, String key, String reason) {
        return new ConfException(ConfException.Stage.GRAMMAR, fileName, line, key, reason);
    }
}
