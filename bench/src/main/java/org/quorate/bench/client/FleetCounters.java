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
