package org.quorate.link.memory;

import org.quorate.link.LinkEvent;
import org.quorate.time.Scheduler;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The "network" of {@link InMemoryLinkLayer}s: which direction between two hosts is open, and the seeded loss
 * and delay of every delivery. A host sees another as reachable while both directions between them are open and
 * both layers are started (a link needs pongs back, so a one-way cut makes both sides unreachable, as with
 * knet). Reachability changes are reported to both layers by a task run {@link #detectionDelay} later (default zero).
 * Everything runs on the scheduler's thread; every random draw comes from the seed, in call order.
 */
public final class InMemoryLinkHub {
    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final Map<Integer, InMemoryLinkLayer> layers = new TreeMap<>();
    private final Set<Long> cutDirections = new HashSet<>();
    /** What each host was last told, per peer: key (observer, peer). */
    private final Set<Long> reported = new HashSet<>();
    private double lossRate;
    private Duration delay = Duration.ZERO;
    private Duration jitter = Duration.ZERO;
    private Duration detectionDelay = Duration.ZERO;
    private long delivered;
    private long lost;

    public InMemoryLinkHub(Scheduler scheduler, long seed) {
        this.scheduler = scheduler;
        this.random = new SplittableRandom(seed);
    }

    /** A layer for host {@code hostId} on this hub (started separately, like the real one). */
    public InMemoryLinkLayer layer(int hostId) {
        InMemoryLinkLayer existing = layers.get(hostId);
        if (existing != null && !existing.closed()) {
            throw new IllegalStateException("in-memory link hub: host " + hostId + " already has an open layer");
        }
        InMemoryLinkLayer l = new InMemoryLinkLayer(this, hostId);
        layers.put(hostId, l);
        return l;
    }

    /** Every message is lost with probability {@code rate}, drawn from the seed. */
    public InMemoryLinkHub loss(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("in-memory link hub: loss " + rate + " must be in [0, 1]");
        }
        this.lossRate = rate;
        return this;
    }

    /** Every message arrives after {@code base} plus a uniform {@code [0, jitterValue]}. */
    public InMemoryLinkHub delay(Duration base, Duration jitterValue) {
        if (base.isNegative() || jitterValue.isNegative()) {
            throw new IllegalArgumentException("in-memory link hub: delay and jitter must not be negative");
        }
        this.delay = base;
        this.jitter = jitterValue;
        return this;
    }

    /** How long after a cut or heal the layers hear of it (the real layer needs about a pong timeout). */
    public InMemoryLinkHub detectionDelay(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("in-memory link hub: detection delay must not be negative");
        }
        this.detectionDelay = value;
        return this;
    }

    /** Cuts {@code from -> to} only. */
    public void cut(int from, int to) {
        cutDirections.add(key(from, to));
        refresh();
    }

    public void heal(int from, int to) {
        cutDirections.remove(key(from, to));
        refresh();
    }

    /** Cuts both directions between every host of {@code side} and every host not in it. */
    public void partition(Set<Integer> side) {
        for (int a : layers.keySet()) {
            for (int b : layers.keySet()) {
                if (side.contains(a) != side.contains(b)) {
                    cutDirections.add(key(a, b));
                }
            }
        }
        refresh();
    }

    /** Opens every direction. */
    public void healAll() {
        cutDirections.clear();
        refresh();
    }

    public boolean open(int from, int to) {
        return !cutDirections.contains(key(from, to));
    }

    public long delivered() {
        return delivered;
    }

    public long lost() {
        return lost;
    }

    // ---- for InMemoryLinkLayer ----

    Scheduler scheduler() {
        return scheduler;
    }

    Set<Integer> hostIds() {
        return layers.keySet();
    }

    /** Whether {@code observer} currently considers {@code peer} reachable (what it was told). */
    boolean reachable(int observer, int peer) {
        return reported.contains(key(observer, peer));
    }

    /** Sends {@code message} (already a copy) from one host to another, subject to cuts, loss and delay. */
    void transmit(int from, int to, byte[] message) {
        if (!open(from, to)) {
            lost++;
            return;
        }
        if (lossRate > 0 && random.nextDouble() < lossRate) {
            lost++;
            return;
        }
        long nanos = delay.toNanos();
        if (!jitter.isZero()) {
            nanos += random.nextLong(jitter.toNanos() + 1);
        }
        scheduler.schedule(() -> {
            InMemoryLinkLayer target = layers.get(to);
            if (target != null && target.running() && reachable(to, from)) {
                delivered++;
                target.deliver(from, message);
            } else {
                lost++;
            }
        }, nanos, TimeUnit.NANOSECONDS);
    }

    /** A layer started or closed: what everyone sees may have changed. */
    void refresh() {
        for (InMemoryLinkLayer a : layers.values()) {
            for (InMemoryLinkLayer b : layers.values()) {
                if (a != b) {
                    boolean now = a.running() && b.running() && open(a.localHostId(), b.localHostId())
                            && open(b.localHostId(), a.localHostId());
                    long k = key(a.localHostId(), b.localHostId());
                    if (now != reported.contains(k)) {
                        schedule(a, b.localHostId(), now, k);
                    }
                }
            }
        }
    }

    private void schedule(InMemoryLinkLayer observer, int peer, boolean reachable, long k) {
        Runnable tell = () -> {
            boolean nowReachable = observer.running() && layers.get(peer).running() && open(observer.localHostId(), peer)
                    && open(peer, observer.localHostId());
            if (nowReachable != reachable || reported.contains(k) == reachable) {
                return; // changed back before it was noticed, or already told
            }
            if (reachable) {
                reported.add(k);
            } else {
                reported.remove(k);
            }
            observer.reachabilityChanged(peer, reachable, reachable ? LinkEvent.Kind.UP : LinkEvent.Kind.DOWN);
        };
        // never from inside the caller's start/close/cut: always a task of its own on the scheduler
        scheduler.schedule(tell, detectionDelay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Forgets what a closed layer was told, so a later layer for the same host starts clean. */
    void forget(int hostId) {
        reported.removeIf(k -> (int) (k >>> 32) == hostId);
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }
}
