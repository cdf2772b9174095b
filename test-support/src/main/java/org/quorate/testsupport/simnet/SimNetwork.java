package org.quorate.testsupport.simnet;

import org.quorate.testsupport.simnet.TraceEvent.DropReason;
import org.quorate.testsupport.simnet.TraceEvent.Kind;
import org.quorate.time.Scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A seeded datagram network under a {@link Scheduler} (in tests a {@code VirtualScheduler}): endpoints bind
 * {@link Port}s, and each direction of each endpoint pair has its own {@link LinkConditions}, changeable at
 * any time. Every random choice comes from one generator seeded at construction and is drawn on the
 * scheduler thread in send order, so the same seed and the same sends give the same {@link TraceEvent}s.
 *
 * <p>Conditions are read when a datagram is sent: a cut made later does not catch datagrams already in
 * flight (they had left the wire's entry), but an endpoint that unbinds drops what arrives after.
 */
public final class SimNetwork {
    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final Map<Endpoint, Port.Receiver> bound = new HashMap<>();
    private final Map<Direction, LinkConditions> conditions = new HashMap<>();
    private final List<TraceEvent.Listener> listeners = new ArrayList<>();
    private LinkConditions defaults = LinkConditions.PERFECT;
    private long nextId;

    public SimNetwork(Scheduler scheduler, long seed) {
        this.scheduler = scheduler;
        this.random = new SplittableRandom(seed);
    }

    /** Binds {@code address}; fails if it is already bound, as a second bind of a UDP port would. */
    public Port bind(Endpoint address, Port.Receiver receiver) {
        if (bound.putIfAbsent(address, receiver) != null) {
            throw new IllegalStateException("simulated network: endpoint " + address + " is already bound");
        }
        return new BoundPort(address, receiver);
    }

    /** The conditions of pairs not set explicitly. */
    public void setDefaultConditions(LinkConditions value) {
        defaults = value;
    }

    public LinkConditions conditions(Endpoint from, Endpoint to) {
        return conditions.getOrDefault(new Direction(from, to), defaults);
    }

    /** Sets one direction: {@code from -> to}. */
    public void setConditions(Endpoint from, Endpoint to, LinkConditions value) {
        conditions.put(new Direction(from, to), value);
    }

    /** Changes one direction from what it is now. */
    public void update(Endpoint from, Endpoint to, UnaryOperator<LinkConditions> change) {
        setConditions(from, to, change.apply(conditions(from, to)));
    }

    public void setBothWays(Endpoint a, Endpoint b, LinkConditions value) {
        setConditions(a, b, value);
        setConditions(b, a, value);
    }

    /** A one-way cut: {@code from -> to} loses everything, {@code to -> from} is untouched. */
    public void cut(Endpoint from, Endpoint to) {
        update(from, to, c -> c.withCut(true));
    }

    public void heal(Endpoint from, Endpoint to) {
        update(from, to, c -> c.withCut(false));
    }

    public void addTraceListener(TraceEvent.Listener listener) {
        listeners.add(listener);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    private void send(Endpoint from, Endpoint to, byte[] payload) {
        Datagram d = new Datagram(nextId++, from, to, payload);
        trace(Kind.SENT, d, null);
        LinkConditions c = conditions(from, to);
        transmit(d, c);
        if (c.duplicateRate() > 0 && random.nextDouble() < c.duplicateRate()) {
            trace(Kind.DUPLICATED, d, null);
            transmit(d, c);
        }
    }

    private void transmit(Datagram d, LinkConditions c) {
        if (c.cut()) {
            trace(Kind.DROPPED, d, DropReason.CUT);
            return;
        }
        if (c.mtu() > 0 && d.size() > c.mtu()) {
            trace(Kind.DROPPED, d, DropReason.OVER_MTU);
            return;
        }
        if (c.dropRate() > 0 && random.nextDouble() < c.dropRate()) {
            trace(Kind.DROPPED, d, DropReason.RANDOM_LOSS);
            return;
        }
        long delay = c.delay().toNanos();
        long jitter = c.jitter().toNanos();
        if (jitter > 0) {
            delay += random.nextLong(jitter + 1);
        }
        if (c.reorderRate() > 0 && random.nextDouble() < c.reorderRate()) {
            delay += c.reorderDelay().toNanos();
        }
        scheduler.schedule(() -> deliver(d), delay, TimeUnit.NANOSECONDS);
    }

    private void deliver(Datagram d) {
        Port.Receiver receiver = bound.get(d.destination());
        if (receiver == null) {
            trace(Kind.DROPPED, d, DropReason.NO_RECEIVER);
            return;
        }
        trace(Kind.DELIVERED, d, null);
        receiver.received(d);
    }

    private void trace(Kind kind, Datagram d, DropReason reason) {
        if (!listeners.isEmpty()) {
            TraceEvent e = new TraceEvent(scheduler.nanoTime(), kind, d, reason);
            listeners.forEach(l -> l.onEvent(e));
        }
    }

    private record Direction(Endpoint from, Endpoint to) {
    }

    private final class BoundPort implements Port {
        private final Endpoint address;
        private final Port.Receiver receiver;
        private boolean open = true;

        BoundPort(Endpoint address, Port.Receiver receiver) {
            this.address = address;
            this.receiver = receiver;
        }

        @Override
        public Endpoint address() {
            return address;
        }

        @Override
        public void send(Endpoint destination, byte[] payload) {
            if (!open) {
                throw new IllegalStateException("simulated network: port " + address + " is closed");
            }
            SimNetwork.this.send(address, destination, payload);
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                bound.remove(address, receiver);
            }
        }
    }
}
