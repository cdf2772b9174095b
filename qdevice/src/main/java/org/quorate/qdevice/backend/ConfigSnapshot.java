package org.quorate.qdevice.backend;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A copy of the node layer's configuration keys (cmap) at one moment, every value in its text
 * form (as {@code corosync-cmapctl} prints it). Text, because corosync stores most quorum-device
 * keys as strings anyway and the parser validates every value the same way whatever its cmap type.
 */
public final class ConfigSnapshot {
    private final NavigableMap<String, String> values;

    private ConfigSnapshot(NavigableMap<String, String> values) {
        this.values = values;
    }

    public static ConfigSnapshot of(Map<String, String> values) {
        return new ConfigSnapshot(Collections.unmodifiableNavigableMap(new TreeMap<>(values)));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** All keys starting with {@code prefix}, in key order. */
    public SortedMap<String, String> withPrefix(String prefix) {
        return values.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    public NavigableMap<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigSnapshot other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ConfigSnapshot" + values;
    }
}
