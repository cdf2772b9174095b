package org.quorate.conf;

/** An empty (or all-blank) line, kept so that an edited file keeps its paragraphs. */
public record ConfBlank(int line) implements ConfNode {
}
