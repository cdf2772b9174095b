package org.quorate.testsupport.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Polls {@code corosync-quorumtool -s} on each host back to back (one thread per host, ~20-40 ms per sample)
 * and records every change of state with its time, so tests can assert "quorum was never lost" and measure
 * e.g. the time from a fault to the qdevice vote. Accurate to one sample period.
 */
public final class QuorumSampler implements AutoCloseable {
    private final NetnsLab lab;
    private final Map<String, List<StateChange>> timelines = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong samples = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile boolean running = true;

    private QuorumSampler(NetnsLab lab, List<String> hosts) {
        this.lab = lab;
        for (String host : hosts) {
            timelines.put(host, new CopyOnWriteArrayList<>());
            Thread t = new Thread(() -> loop(host), "quorum-sampler-" + host);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    /** Starts sampling and returns once every host has its first sample. */
    public static QuorumSampler start(NetnsLab lab, List<String> hosts) {
        QuorumSampler s = new QuorumSampler(lab, hosts);
        s.threads.forEach(Thread::start);
        Await.until("first quorum sample of " + hosts, Duration.ofSeconds(30), Duration.ofMillis(10),
                () -> s.timelines.values().stream().allMatch(l -> !l.isEmpty()), ok -> ok, ok -> s.describe());
        return s;
    }

    private void loop(String host) {
        List<StateChange> timeline = timelines.get(host);
        String last = null;
        while (running) {
            ExecResult r;
            try {
                r = lab.exec(host, Duration.ofSeconds(10), List.of("corosync-quorumtool", "-s"));
            } catch (IllegalStateException e) {
                break; // the lab was closed under us
            }
            QuorumStatus s = r.timedOut() ? QuorumStatus.unavailable("corosync-quorumtool timed out")
                    : QuorumStatus.parse(r.stdout().isBlank() ? r.stderr() : r.stdout());
            samples.incrementAndGet();
            String key = s.compact();
            if (!key.equals(last)) {
                timeline.add(new StateChange(host, Instant.now(), System.nanoTime(), s));
                last = key;
            }
            if (!running) {
                break;
            }
            Await.sleep(Duration.ofMillis(5));
        }
    }

    /** Stops the sampling threads (the timelines stay readable). */
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Every recorded change of {@code host}, oldest first (the first entry is the state when sampling began). */
    public List<StateChange> timeline(String host) {
        List<StateChange> t = timelines.get(host);
        if (t == null) {
            throw new IllegalArgumentException("not sampling " + host + " (sampling " + timelines.keySet() + ")");
        }
        return List.copyOf(t);
    }

    /** All hosts' changes merged in time order. */
    public List<StateChange> all() {
        List<StateChange> all = new ArrayList<>();
        timelines.values().forEach(all::addAll);
        all.sort(Comparator.comparingLong(StateChange::nanos));
        return all;
    }

    /** True if every state recorded for {@code host} so far satisfies {@code condition}. */
    public boolean always(String host, Predicate<QuorumStatus> condition) {
        return timeline(host).stream().allMatch(c -> condition.test(c.status()));
    }

    /**
     * True if every state of {@code host} seen from {@code sinceNanos} on (including the one current at that
     * moment) satisfies {@code condition}: "never lost quorum during this scenario".
     */
    public boolean alwaysSince(String host, long sinceNanos, Predicate<QuorumStatus> condition) {
        List<StateChange> t = timeline(host);
        for (int i = 0; i < t.size(); i++) {
            boolean later = t.get(i).nanos() >= sinceNanos;
            boolean currentAtSince = !later && (i + 1 == t.size() || t.get(i + 1).nanos() > sinceNanos);
            if ((later || currentAtSince) && !condition.test(t.get(i).status())) {
                return false;
            }
        }
        return true;
    }

    /** {@link System#nanoTime()} of the latest change on any host (the start of sampling if none). */
    public long lastChangeNanos() {
        return all().stream().mapToLong(StateChange::nanos).max().orElse(startedNanos);
    }

    /** True if {@code host} showed "Quorate: Yes" in every sample so far. */
    public boolean neverLostQuorum(String host) {
        return always(host, s -> s.available() && s.quorate());
    }

    /** First state of {@code host} at or after {@code sinceNanos} that satisfies {@code condition}. */
    public Optional<StateChange> first(String host, long sinceNanos, Predicate<QuorumStatus> condition) {
        List<StateChange> t = timeline(host);
        // the state current at sinceNanos counts too: it was seen before and still holds
        for (int i = 0; i < t.size(); i++) {
            StateChange c = t.get(i);
            boolean currentAtSince = c.nanos() <= sinceNanos && (i + 1 == t.size() || t.get(i + 1).nanos() > sinceNanos);
            if ((c.nanos() >= sinceNanos || currentAtSince) && condition.test(c.status())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Time from {@code event} until {@code host} first shows a state satisfying {@code condition}. */
    public Optional<Duration> timeFrom(LabEvent event, String host, Predicate<QuorumStatus> condition) {
        return first(host, event.nanos(), condition).map(c -> Duration.ofNanos(Math.max(0, c.nanos() - event.nanos())));
    }

    /** Waits until {@code host}'s latest state satisfies {@code condition}. */
    public StateChange awaitState(String host, Predicate<QuorumStatus> condition, Duration timeout, String what) {
        return Await.until(what + " on " + host, timeout, Duration.ofMillis(20),
                () -> timeline(host).get(timeline(host).size() - 1), c -> condition.test(c.status()), c -> describe());
    }

    public long sampleCount() {
        return samples.get();
    }

    /** The merged timeline, one change per line, relative to the start of sampling. */
    public String describe() {
        StringBuilder sb = new StringBuilder("quorum timeline (" + samples.get() + " samples):\n");
        for (StateChange c : all()) {
            sb.append(String.format("  +%7.3f s %s %s%n", (c.nanos() - startedNanos) / 1e9, c.host(),
                    c.status().compact()));
        }
        return sb.toString();
    }
}
