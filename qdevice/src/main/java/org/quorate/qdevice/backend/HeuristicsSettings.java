package org.quorate.qdevice.backend;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code quorum.device.heuristics.*}. {@code execs} maps NAME of each {@code exec_NAME} key to its
 * command line, unsplit; with no commands the heuristics count as disabled whatever the mode.
 */
public record HeuristicsSettings(
        HeuristicsMode mode, long timeoutMs, long syncTimeoutMs, long intervalMs, SortedMap<String, String> execs) {

    public HeuristicsSettings {
        execs = Collections.unmodifiableSortedMap(new TreeMap<>(execs));
    }

    public boolean enabled() {
        return mode != HeuristicsMode.OFF && !execs.isEmpty();
    }
}
