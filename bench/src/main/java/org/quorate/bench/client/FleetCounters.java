package org.quorate.bench.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.quorate.bench.stats.LatencyRecorder;

/**
 * What the fleet counts during one measuring phase (an "epoch": start-up, or the time after a restart).
 * Nodes update it from their event loops; the scenario reads it from its own thread.
 */
public final class FleetCounters {
    final int epoch;
    final AtomicInteger inits = new AtomicInteger();
    final AtomicLong lastInitNanos = new AtomicLong();
    final java.util.Queue<Long> initNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final java.util.Queue<Long> attemptNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final java.util.Queue<Long> refusedNanos = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final AtomicInteger firstVotes = new AtomicInteger();
    final LongAdder connectAttempts = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder connectRefused = new LongAdder();
    final LongAdder connectTimeouts = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder missedEchoReplies = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final LatencyRecorder echoRtt = new LatencyRecorder();
    final LatencyRecorder ackLatency = new LatencyRecorder();
    final LatencyRecorder nackLatency = new LatencyRecorder();
    final LatencyRecorder voteLatency = new LatencyRecorder();
    final AtomicInteger unexpectedSplitVotes = new AtomicInteger();

    FleetCounters(int epoch) {
        this.epoch = epoch;
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void initDone(long nanos) {
        inits.incrementAndGet();
        lastInitNanos.accumulateAndGet(nanos, Math::max);
        initNanos.add(nanos);
    }

    /**
     * How many nodes completed their start-up in each {@code bucketMillis} window after {@code originNanos}
     * (System.nanoTime), e.g. after the kill: where the tail of a reconnect comes from.
     */
    public int[] initTimeline(long originNanos, long bucketMillis) {
        return timeline(initNanos, originNanos, bucketMillis);
    }

    /** As {@link #initTimeline}, for connection attempts. */
    public int[] attemptTimeline(long originNanos, long bucketMillis) {
        return timeline(attemptNanos, originNanos, bucketMillis);
    }

    /** As {@link #initTimeline}, for refused connection attempts (by when they started). */
    public int[] refusedTimeline(long originNanos, long bucketMillis) {
        return timeline(refusedNanos, originNanos, bucketMillis);
    }

    private int[] timeline(java.util.Queue<Long> times, long originNanos, long bucketMillis) {
        long bucketNanos = bucketMillis * 1_000_000L;
        int buckets = (int) Math.max(1, (lastInitNanos.get() - originNanos) / bucketNanos + 1);
        int[] counts = new int[buckets];
        for (long t : times) {
            int i = (int) Math.max(0, Math.min(buckets - 1, (t - originNanos) / bucketNanos));
            counts[i]++;
        }
        return counts;
    }

    public int inits() {
        return inits.get();
    }

    /** When the last node of this epoch completed its start-up (System.nanoTime), 0 if none did. */
    public long lastInitNanos() {
        return lastInitNanos.get();
    }

    /** Nodes that received a decisive vote (ACK or NACK) since their start-up in this epoch. */
    public int firstVotes() {
        return firstVotes.get();
    }

    public long connectAttempts() {
        return connectAttempts.sum();
    }

    /** Attempts whose TCP connect failed, for any reason (refused ones included). */
    public long connectFailures() {
        return connectFailures.sum();
    }

    /** Attempts whose TCP connect was refused: nothing listening yet. */
    public long connectRefused() {
        return connectRefused.sum();
    }

    /** Attempts the connect timer ended: no INIT_REPLY within the connect timeout. */
    public long connectTimeouts() {
        return connectTimeouts.sum();
    }

    public long disconnects() {
        return disconnects.sum();
    }

    public long missedEchoReplies() {
        return missedEchoReplies.sum();
    }

    public Map<String, Long> errors() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public LatencyRecorder echoRtt() {
        return echoRtt;
    }

    public LatencyRecorder ackLatency() {
        return ackLatency;
    }

    public LatencyRecorder nackLatency() {
        return nackLatency;
    }

    /** ACK and NACK latencies together. */
    public LatencyRecorder voteLatency() {
        return voteLatency;
    }

    public int unexpectedSplitVotes() {
        return unexpectedSplitVotes.get();
    }
}
