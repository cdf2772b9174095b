package org.quorate.link.crypto;

import java.util.Arrays;

/**
 * The packet counters seen from one sender incarnation: a sliding bitmap of the last {@link #SIZE} counters
 * below the highest one (RFC 4303 §3.4.3 style). {@link #fresh} only looks; {@link #accept} records, and is
 * called only after the packet authenticated, so a forged packet cannot move the window.
 */
public final class ReplayWindow {
    public static final int SIZE = 1024;
    private static final int WORDS = SIZE / 64;

    private final long[] bits = new long[WORDS];
    private long highest = -1;

    /** Whether {@code counter} (non-negative) was not seen yet and is not older than the window. */
    public boolean fresh(long counter) {
        if (counter < 0) {
            return false;
        }
        if (counter > highest) {
            return true;
        }
        if (highest - counter >= SIZE) {
            return false;
        }
        return !isSet(counter);
    }

    /** Records {@code counter}; the caller checked {@link #fresh} first. */
    public void accept(long counter) {
        if (counter > highest) {
            if (highest < 0 || counter - highest >= SIZE) {
                Arrays.fill(bits, 0L);
            } else {
                for (long c = highest + 1; c < counter; c++) {
                    clear(c);
                }
            }
            highest = counter;
        }
        set(counter);
    }

    /** The highest counter accepted, -1 before the first. */
    public long highest() {
        return highest;
    }

    public void reset() {
        Arrays.fill(bits, 0L);
        highest = -1;
    }

    private boolean isSet(long c) {
        int bit = (int) (c % SIZE);
        return (bits[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    private void set(long c) {
        int bit = (int) (c % SIZE);
        bits[bit >>> 6] |= 1L << (bit & 63);
    }

    private void clear(long c) {
        int bit = (int) (c % SIZE);
        bits[bit >>> 6] &= ~(1L << (bit & 63));
    }
}
