package org.quorate.qdevice.backend;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.quorate.cluster.cmap.CmapKeys;

/**
 * Turns single configuration-key changes into the batches the daemon acts on. While corosync
 * reloads its configuration ({@value CmapKeys#CONFIG_RELOAD_IN_PROGRESS} = 1) the keys pile up and come out
 * as one batch when the flag drops back to 0, so the daemon never acts on half a reload.
 * Not thread-safe: one instance per dispatching thread.
 */
public final class ConfigChangeBatcher {

    private final Set<String> pending = new LinkedHashSet<>();
    private boolean reloading;

    /**
     * Records that {@code key} changed to {@code newValue} ({@code null} when deleted) and
     * returns the batch to deliver now, if any.
     */
    public Optional<Set<String>> onChange(String key, String newValue) {
        if (key.equals(CmapKeys.CONFIG_RELOAD_IN_PROGRESS)) {
            reloading = "1".equals(newValue);
            return reloading ? Optional.empty() : drain();
        }
        if (!isTracked(key)) {
            return Optional.empty();
        }
        pending.add(key);
        return reloading ? Optional.empty() : drain();
    }

    public boolean reloading() {
        return reloading;
    }

    /** True for the keys {@link CmapKeys#TRACKED_PREFIXES} covers. */
    public static boolean isTracked(String key) {
        for (String prefix : CmapKeys.TRACKED_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Set<String>> drain() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Set<String> batch = Set.copyOf(pending);
        pending.clear();
        return Optional.of(batch);
    }
}
