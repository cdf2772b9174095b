package org.quorate.link.heartbeat;

/**
 * knet's latency statistics (threads_heartbeat.c {@code process_pong}): a running average over at most
 * ping-precision samples, in whole µs with knet's integer arithmetic, and the smallest and largest value the
 * average took (knet's min/max follow the average, not single samples).
 */
final class LatencyAverage {
    private final int precision;
    private long samples;
    private long averageUs;
    private long minUs = Long.MAX_VALUE;
    private long maxUs;

    LatencyAverage(int precision) {
        this.precision = precision;
    }

    void add(long latencyUs) {
        samples = Math.min(samples + 1, precision);
        averageUs = (averageUs * (samples - 1) + latencyUs) / samples;
        maxUs = Math.max(maxUs, averageUs);
        minUs = Math.min(minUs, averageUs);
    }

    long averageUs() {
        return averageUs;
    }

    /** 0 before the first sample (knet shows UINT32_MAX there). */
    long minUs() {
        return samples == 0 ? 0 : minUs;
    }

    long maxUs() {
        return maxUs;
    }

    long samples() {
        return samples;
    }
}
