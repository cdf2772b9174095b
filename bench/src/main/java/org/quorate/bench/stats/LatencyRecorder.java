package org.quorate.bench.stats;

import java.util.Arrays;

/**
 * Collects latency samples (nanoseconds) from any thread and summarises them with nearest-rank
 * percentiles. The sample counts here are at most a few tens of thousands per phase, so keeping every
 * sample (exact percentiles) is cheaper to trust than a histogram's bucket error.
 */
public final class LatencyRecorder {
    private long[] samples = new long[1024];
    private int count;

    public synchronized void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + nanos + " ns");
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public synchronized int count() {
        return count;
    }

    /** A summary of the samples recorded so far; {@link LatencySummary#EMPTY} when there are none. */
    public synchronized LatencySummary summary() {
        if (count == 0) {
            return LatencySummary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new LatencySummary(count, percentile(sorted, 50), percentile(sorted, 99), sorted[count - 1]);
    }

    /** Nearest-rank percentile of an ascending array: the smallest sample with at least p% at or below it. */
    static long percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
