package org.quorate.bench.stats;

/**
 * Two readings of a process's CPU time (utime + stime, clock ticks) and wall time; the share of one
 * core used in between is the ratio, the way {@code capacity.sh} of the reference recipes measures it.
 */
public record CpuWindow(long startTicks, long endTicks, long startNanos, long endNanos, long ticksPerSecond) {
    public CpuWindow {
        if (endNanos <= startNanos) {
            throw new IllegalArgumentException("the window must end after it starts");
        }
        if (ticksPerSecond <= 0) {
            throw new IllegalArgumentException("ticks per second must be positive: " + ticksPerSecond);
        }
    }

    /** Percent of one core (200 % = both cores of a 2-core machine busy). */
    public double percentOfOneCore() {
        double cpuSeconds = (double) (endTicks - startTicks) / ticksPerSecond;
        double wallSeconds = (endNanos - startNanos) / 1e9;
        return cpuSeconds / wallSeconds * 100.0;
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
