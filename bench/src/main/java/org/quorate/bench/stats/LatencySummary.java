package org.quorate.bench.stats;

/** Count, median, 99th percentile and maximum of a set of latencies, in nanoseconds. */
public record LatencySummary(int count, long p50Nanos, long p99Nanos, long maxNanos) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);

    public boolean isEmpty() {
        return count == 0;
    }

    /** {@code p50 / p99 / max} in milliseconds with two decimals, or "n/a" without samples. */
    public String millisText() {
        if (isEmpty()) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f ms", p50Nanos / 1e6, p99Nanos / 1e6,
                maxNanos / 1e6);
    }
}
