package org.quorate.conf;

/**
 * One element of a parsed corosync.conf, in file order: an item, a section, a whole-line comment or a blank
 * line. {@link #line()} is the 1-based line it came from, or 0 for an element added by an edit.
 */
public sealed interface ConfNode permits ConfItem, ConfSection, ConfComment, ConfBlank {
    int line();
}
