package org.quorate.cluster;

/** Node ids are unsigned 32-bit numbers; Quorate holds them in a {@code long} to keep them unsigned. */
public final class NodeIds {
    public static final long MAX = 0xFFFF_FFFFL;

    private NodeIds() {
    }

    /** Returns {@code id} when it fits in u32, otherwise throws. */
    public static long check(long id) {
        if (id < 0 || id > MAX) {
            throw new IllegalArgumentException("node id out of u32 range: " + id);
        }
        return id;
    }
}
