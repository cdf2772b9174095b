package org.quorate.link.wire;

import java.util.EnumMap;
import java.util.Map;

/** Counts dropped datagrams by reason. Single-threaded (the engine's thread). */
public final class DropCounters {
    private final long[] counts = new long[DropReason.values().length];

    public void count(DropReason reason) {
        counts[reason.ordinal()]++;
    }

    public long get(DropReason reason) {
        return counts[reason.ordinal()];
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** The non-zero counts, in reason order. */
    public Map<DropReason, Long> nonZero() {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            if (counts[r.ordinal()] != 0) {
                m.put(r, counts[r.ordinal()]);
            }
        }
        return m;
    }
}
