package org.quorate.conf;

import java.util.Objects;

/** {@code key: value}, as corosync splits it: at the first ':', blanks trimmed around both. */
public record ConfItem(String key, String value, int line) implements ConfNode {
    public ConfItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** A new item (no source line). */
    public static ConfItem of(String key, String value) {
        return new ConfItem(key, value, 0);
    }
}
