package org.quorate.bench.stats;

/** Events per second over an elapsed time; a zero or negative duration has no rate. */
public final class Rate {
    private Rate() {
    }

    public static double perSecond(long events, long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return Double.NaN;
        }
        return events / (elapsedNanos / 1e9);
    }
}
