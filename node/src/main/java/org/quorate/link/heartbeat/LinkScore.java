package org.quorate.link.heartbeat;

/**
 * What the heartbeat has measured on one link, for status and selection.
 *
 * @param lossRatio     recent fraction of pings without a pong in time (0..1)
 * @param latencyMinUs  smallest average latency seen, µs (knet's latency_min tracks the average)
 * @param latencyAvgUs  the average over the last ping-precision samples, µs
 * @param latencyMaxUs  largest average latency seen, µs
 * @param pongLastNanos time of the last accepted pong, or -1
 */
public record LinkScore(double lossRatio, long latencyMinUs, long latencyAvgUs, long latencyMaxUs, long samples,
                        long upCount, long downCount, long pongLastNanos) {
}
