package org.quorate.conf;

/**
 * corosync's own layout, as its example files and man page use it: one TAB per nesting level,
 * {@code key: value}, {@code name {} ... {@code }}, whole-line comments and blank lines where they were.
 * Written for edited documents only; an unedited one keeps its original bytes.
 */
final class CorosyncFormat {
    private CorosyncFormat() {
    }

    static String write(ConfSection root) {
        StringBuilder out = new StringBuilder();
        writeChildren(root, 0, out);
        return out.toString();
    }

    private static void writeChildren(ConfSection section, int depth, StringBuilder out) {
        String indent = "\t".repeat(depth);
        for (ConfNode n : section.children()) {
            if (n instanceof ConfItem item) {
                out.append(indent).append(item.key()).append(':');
                if (!item.value().isEmpty()) {
                    out.append(' ').append(item.value());
                }
                out.append('\n');
            } else if (n instanceof ConfSection s) {
                out.append(indent).append(s.name()).append(" {\n");
                writeChildren(s, depth + 1, out);
                out.append(indent).append("}\n");
            } else if (n instanceof ConfComment c) {
                out.append(indent).append(c.text()).append('\n');
            } else {
                out.append('\n');
            }
        }
    }
}
