package org.quorate.link.heartbeat;

import org.quorate.link.config.LinkSpec;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One heartbeat over a fake link, in pure time: ticks every tick from the start, pongs delivered at the time
 * the fake link says (loss each way, base delay plus uniform jitter each way, a cut), in time order, pongs
 * before a tick at the same nanosecond. Seeded, so every run is the same.
 */
final class HeartbeatRig implements HeartbeatOutbox {
    static final long MS = 1_000_000L;

    final LinkHeartbeat heartbeat;
    private final long tickNanos;
    private final SplittableRandom random;
    private final PriorityQueue<long[]> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private long now;
    private long nextTick;

    double lossOut;
    double lossBack;
    long baseDelayNanos = 100_000; // 0.1 ms each way: 0.2 ms round trip, as in the spec's conformance line
    long jitterNanos;
    boolean cut;

    long pings;
    long probes;
    int downs;
    int ups;
    int failovers;
    int recoveries;
    final List<String> log = new ArrayList<>();
    final List<Long> upTimes = new ArrayList<>();
    final List<Long> downTimes = new ArrayList<>();
    final List<Long> failoverTimes = new ArrayList<>();
    final List<Long> recoveryTimes = new ArrayList<>();
    long lastPongArrival = -1;

    HeartbeatRig(LinkSpec spec, HeartbeatTuning tuning, long seed) {
        this.tickNanos = tuning.tick().toNanos();
        this.random = new SplittableRandom(seed);
        this.heartbeat = new LinkHeartbeat(spec, tuning, 0);
        this.nextTick = tickNanos;
    }

    /** The 2-node corosync defaults: interval 750 ms, timeout 1500 ms, precision 2048, pong count 2. */
    static LinkSpec twoNodeSpec() {
        return spec(750, 1500, 2);
    }

    static LinkSpec spec(long intervalMs, long timeoutMs, int pongCount) {
        return new LinkSpec(0, new InetSocketAddress("198.18.0.1", 5405), new InetSocketAddress("198.18.0.2", 5405), 1,
                Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs), 2048, pongCount);
    }

    long now() {
        return now;
    }

    /** Runs every pong arrival and tick up to and including {@code until}. */
    void runUntil(long until) {
        while (step(until)) {
            // one event at a time
        }
        now = until;
    }

    /** Runs events until {@code condition} holds after one, and returns that time; fails past {@code limit}. */
    long runUntilTrue(java.util.function.BooleanSupplier condition, long limit) {
        while (!condition.getAsBoolean()) {
            if (!step(limit)) {
                throw new AssertionError("condition not reached by " + limit / MS + " ms; log " + log);
            }
        }
        return now;
    }

    /** The next event (a pong before a tick at the same time) if it is due by {@code until}. */
    private boolean step(long until) {
        long pongAt = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek()[0];
        if (pongAt <= nextTick && pongAt <= until) {
            long[] pong = inFlight.poll();
            now = pong[0];
            lastPongArrival = now;
            heartbeat.onPong(now, pong[1], this);
            return true;
        }
        if (nextTick <= until) {
            now = nextTick;
            nextTick += tickNanos;
            heartbeat.onTick(now, this);
            return true;
        }
        return false;
    }

    @Override
    public void sendPing(long timestampNanos, boolean probe) {
        pings++;
        if (probe) {
            probes++;
        }
        if (cut || random.nextDouble() < lossOut) {
            return;
        }
        long out = delay();
        if (random.nextDouble() < lossBack) {
            return;
        }
        inFlight.add(new long[]{now + out + delay(), timestampNanos});
    }

    private long delay() {
        return baseDelayNanos + (jitterNanos == 0 ? 0 : random.nextLong(jitterNanos + 1));
    }

    @Override
    public void stateChanged(LinkState from, LinkState to, String reason) {
        log.add(now / 1000 + " us " + from + " -> " + to + ": " + reason);
        if (to == LinkState.UP) {
            ups++;
            upTimes.add(now);
        }
        if (from == LinkState.UP && to == LinkState.DOWN) {
            downs++;
            downTimes.add(now);
        }
    }

    @Override
    public void trafficChanged(boolean carriesTraffic, String reason) {
        log.add(now / 1000 + " us traffic " + carriesTraffic + ": " + reason);
        if (carriesTraffic) {
            recoveries++;
            recoveryTimes.add(now);
        } else {
            failovers++;
            failoverTimes.add(now);
        }
    }
}
