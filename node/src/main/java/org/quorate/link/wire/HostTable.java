package org.quorate.link.wire;

/**
 * A map from host id (0..65535) to per-host state, in pages of 256 allocated on first store: a lookup never
 * allocates (no boxing), which keeps the decoder's drop path free of garbage.
 */
final class HostTable<V> {
    private static final int PAGE = 256;
    private final Object[][] pages = new Object[(WireFormat.MAX_HOST_ID + 1) / PAGE][];

    @SuppressWarnings("unchecked")
    V get(int host) {
        Object[] page = pages[host >>> 8];
        return page == null ? null : (V) page[host & 0xFF];
    }

    void put(int host, V value) {
        Object[] page = pages[host >>> 8];
        if (page == null) {
            page = new Object[PAGE];
            pages[host >>> 8] = page;
        }
        page[host & 0xFF] = value;
    }
}
