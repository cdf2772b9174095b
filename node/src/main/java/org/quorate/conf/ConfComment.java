package org.quorate.conf;

/** A whole-line comment; {@code text} starts at its '#' (the indentation is the writer's business). */
public record ConfComment(String text, int line) implements ConfNode {
}
