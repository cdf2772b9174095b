package org.quorate.conf;

/**
 * One flattened cmap key as corosync stores it after parsing: the dotted key, its icmap type, the value text
 * ({@code corosync-cmapctl} shows integers in decimal) and the line it came from (0 when made by an edit).
 */
public record CmapEntry(String key, CmapType type, String value, int line) {
    /** The line {@code corosync-cmapctl} prints for this key: {@code key (type) = value}. */
    public String cmapctlLine() {
        return key + " (" + type.cmapName() + ") = " + value;
    }
}
