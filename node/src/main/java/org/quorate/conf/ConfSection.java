package org.quorate.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A section {@code name { ... }} with its children in file order. The root section has the empty name.
 * Sections are the only mutable part of a document: every change goes through the methods here, which tell
 * the owning document that it is edited (so its writer then emits the dialect's canonical form).
 */
public final class ConfSection implements ConfNode {
    private final String name;
    private final int line;
    private final int closeLine;
    private final List<ConfNode> children = new ArrayList<>();
    private final Runnable onChange;

    ConfSection(String name, int line, int closeLine, Runnable onChange) {
        this.name = name;
        this.line = line;
        this.closeLine = closeLine;
        this.onChange = onChange;
    }

    public String name() {
        return name;
    }

    @Override
    public int line() {
        return line;
    }

    /** The line of the closing '}', 0 for the root or a section added by an edit. */
    public int closeLine() {
        return closeLine;
    }

    /** The children in file order, read-only. */
    public List<ConfNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The last item called {@code key} (corosync: a repeated key overwrites), if any. */
    public Optional<String> value(String key) {
        String found = null;
        for (ConfNode n : children) {
            if (n instanceof ConfItem item && item.key().equals(key)) {
                found = item.value();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The sub-sections called {@code sectionName}, in file order. */
    public List<ConfSection> sections(String sectionName) {
        List<ConfSection> out = new ArrayList<>();
        for (ConfNode n : children) {
            if (n instanceof ConfSection s && s.name.equals(sectionName)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first sub-section called {@code sectionName}, if any. */
    public Optional<ConfSection> section(String sectionName) {
        List<ConfSection> all = sections(sectionName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The first sub-section called {@code sectionName}, added at the end if there is none. */
    public ConfSection sectionOrAdd(String sectionName) {
        return section(sectionName).orElseGet(() -> addSection(sectionName));
    }

    /** Adds an empty sub-section at the end. */
    public ConfSection addSection(String sectionName) {
        requireName(sectionName);
        ConfSection s = new ConfSection(sectionName, 0, 0, onChange);
        children.add(s);
        onChange.run();
        return s;
    }

    /**
     * Sets {@code key}: the last item of that key gets the new value in place (earlier repeats, which
     * corosync ignores, are dropped), else a new item is appended after the last item.
     */
    public ConfSection set(String key, String value) {
        requireName(key);
        if (value.indexOf('\n') >= 0 || value.indexOf('{') >= 0 || value.indexOf('\r') >= 0
            || !LineGrammar.removeWhitespace(value, false).equals(value)) {
            // corosync would read such a value differently (or as a section): refuse it rather than write it
            throw new IllegalArgumentException("value of " + key + " cannot hold a newline, '{' or surrounding blanks: '"
                + value + "'");
        }
        int last = -1;
        int lastItem = -1;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof ConfItem item) {
                lastItem = i;
                if (item.key().equals(key)) {
                    last = i;
                }
            }
        }
        if (last >= 0) {
            ConfItem old = (ConfItem) children.get(last);
            if (old.value().equals(value)) {
                return this;
            }
            children.set(last, new ConfItem(key, value, old.line()));
            for (int i = last - 1; i >= 0; i--) {
                if (children.get(i) instanceof ConfItem item && item.key().equals(key)) {
                    children.remove(i);
                }
            }
        } else {
            children.add(lastItem + 1, ConfItem.of(key, value));
        }
        onChange.run();
        return this;
    }

    /** Removes every item called {@code key}; returns whether there was one. */
    public boolean remove(String key) {
        boolean removed = children.removeIf(n -> n instanceof ConfItem item && item.key().equals(key));
        if (removed) {
            onChange.run();
        }
        return removed;
    }

    /** Removes this exact sub-section (by identity); returns whether it was a child. */
    public boolean removeSection(ConfSection child) {
        boolean removed = children.removeIf(n -> n == child);
        if (removed) {
            onChange.run();
        }
        return removed;
    }

    /** Appends a whole-line comment ({@code text} must start with '#'). */
    public ConfSection addComment(String text) {
        if (!text.startsWith("#") || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a comment is one line starting with '#': " + text);
        }
        children.add(new ConfComment(text, 0));
        onChange.run();
        return this;
    }

    void adopt(ConfNode node) {
        children.add(node);
    }

    private static void requireName(String n) {
        if (n.isEmpty() || !n.chars().allMatch(c -> c >= 0x21 && c < 0x7f && c != ':' && c != '{' && c != '}'
            && c != '#')) {
            throw new IllegalArgumentException("not a corosync key or section name: '" + n + "'");
        }
    }

    @Override
    public String toString() {
        return "ConfSection[" + name + "@" + line + ", " + children.size() + " children]";
    }
}
