package org.quorate.link.data;

/**
 * Remembers which message sequence numbers of one source were delivered, over a sliding window: a bitmap of
 * {@link #size()} bits behind the highest sequence number seen (knet keeps 4096 entries per source host).
 * Anything older than the window counts as seen, so a late copy is never delivered twice. Single-threaded, and it
 * allocates nothing after construction.
 */
public final class DedupWindow {
    /** knet's window (KNET_CBUFFER_SIZE); also the smallest window the link layer uses. */
    public static final int KNET_SIZE = 4096;

    private final long[] bits;
    private final int mask;
    private long highest;
    private boolean empty = true;

    /** @param size bits kept; rounded up to a power of two, at least 64 */
    public DedupWindow(int size) {
        if (size < 1 || size > (1 << 24)) {
            throw new IllegalArgumentException("dedup window size " + size + " outside 1.." + (1 << 24));
        }
        int rounded = Math.max(64, Integer.highestOneBit(size - 1) << 1);
        bits = new long[rounded >>> 6];
        mask = rounded - 1;
    }

    public int size() {
        return mask + 1;
    }

    /** True the first time {@code seq} is offered; false for a duplicate or one older than the window. */
    public boolean firstTime(long seq) {
        if (empty) {
            empty = false;
            highest = seq;
            set(seq);
            return true;
        }
        if (seq > highest) {
            advanceTo(seq);
            set(seq);
            return true;
        }
        if (tooOld(seq) || isSet(seq)) {
            return false;
        }
        set(seq);
        return true;
    }

    /** Whether {@code seq} was already marked (or is older than the window), without marking it. */
    public boolean seen(long seq) {
        if (empty || seq > highest) {
            return false;
        }
        return tooOld(seq) || isSet(seq);
    }

    public void clear() {
        java.util.Arrays.fill(bits, 0L);
        empty = true;
        highest = 0;
    }

    private boolean tooOld(long seq) {
        return highest - seq > mask;
    }

    /** Clears the bits of the sequence numbers the window slides over: highest+1 .. seq. */
    private void advanceTo(long seq) {
        long distance = seq - highest;
        if (distance < 0 || distance > mask) { // overflowed or jumped past the whole window
            java.util.Arrays.fill(bits, 0L);
        } else {
            for (long s = highest + 1; s <= seq; s++) {
                int bit = (int) (s & mask);
                if ((bit & 63) == 0 && seq - s >= 63) { // a whole word at once
                    bits[bit >>> 6] = 0L;
                    s += 63;
                } else {
                    bits[bit >>> 6] &= ~(1L << (bit & 63));
                }
            }
        }
        highest = seq;
    }

    private void set(long seq) {
        int bit = (int) (seq & mask);
        bits[bit >>> 6] |= 1L << (bit & 63);
    }

    private boolean isSet(long seq) {
        int bit = (int) (seq & mask);
        return (bits[bit >>> 6] & (1L << (bit & 63))) != 0;
    }
}
