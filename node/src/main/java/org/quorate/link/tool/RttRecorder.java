package org.quorate.link.tool;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Round-trip samples in nanoseconds: every sample up to {@link #CAPACITY}, then a uniform reservoir of that
 * many (Vitter's algorithm R, seeded), so a 24-hour run keeps 32 MiB at most and its percentiles stay fair.
 */
final class RttRecorder {
    static final int CAPACITY = 1 << 22;

    private long[] samples = new long[1024];
    private int size;
    private long count;
    private long max;
    private final SplittableRandom random = new SplittableRandom(1);

    void record(long nanos) {
        count++;
        max = Math.max(max, nanos);
        if (size < CAPACITY) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, Math.min(CAPACITY, size * 2));
            }
            samples[size++] = nanos;
            return;
        }
        long slot = random.nextLong(count);
        if (slot < CAPACITY) {
            samples[(int) slot] = nanos;
        }
    }

    long count() {
        return count;
    }

    long maxNanos() {
        return max;
    }

    /** The {@code p}-th percentile (0 &lt; p &lt;= 100) by nearest rank, or -1 without samples. */
    long percentileNanos(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
