package org.quorate.link.tool;

import org.quorate.link.LinkEvent;
import org.quorate.link.LinkLayer;
import org.quorate.link.LinkListener;
import org.quorate.time.Scheduler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * quorate-linkbench's traffic over any {@link LinkLayer}, on the layer's scheduler: every {@link #TICK_NANOS}
 * it sends what the rate allows since the last tick (so a late tick catches up, and 50,000/s is 500 per 10 ms
 * tick), to every remote host or to one; with ping-pong every message is a ping that the peer answers, and
 * the round trip is recorded. It is the layer's listener too: it counts what arrives and hands each event to
 * {@code events} as a line.
 */
final class BenchTraffic implements LinkListener {
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LinkLayer layer;
    private final Scheduler scheduler;
    private final double ratePerSecond;
    private final int size;
    private final boolean pingPong;
    private final Map<Integer, PeerCounters> peers = new TreeMap<>();
    private final List<Integer> targets;
    private final Consumer<String> events;
    private final byte[] outgoing;
    private final byte[] pong;
    private Scheduler.Cancellable tick;
    private long lastTickNanos;
    private double credit;
    private boolean sending;

    /**
     * @param remoteHosts every remote host id; {@code to} is one of them, or 0 for all
     */
    BenchTraffic(LinkLayer layer, Scheduler scheduler, Collection<Integer> remoteHosts, int to, double ratePerSecond,
                 int size, boolean pingPong, Consumer<String> events) {
        this.layer = layer;
        this.scheduler = scheduler;
        this.ratePerSecond = ratePerSecond;
        this.size = Math.max(size, BenchMessage.HEADER);
        this.pingPong = pingPong;
        this.events = events;
        remoteHosts.forEach(h -> peers.put(h, new PeerCounters(h)));
        this.targets = to == 0 ? List.copyOf(peers.keySet()) : List.of(to);
        this.outgoing = new byte[this.size];
        this.pong = new byte[this.size];
    }

    /** Starts sending (on the scheduler's thread). */
    void startSending() {
        sending = true;
        lastTickNanos = scheduler.nanoTime();
        if (ratePerSecond > 0) {
            tick = scheduler.schedule(this::onTick, TICK_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops sending; pongs still answer and arrivals still count (the drain). */
    void stopSending() {
        sending = false;
        if (tick != null) {
            tick.cancel();
        }
    }

    Map<Integer, PeerCounters> peers() {
        return peers;
    }

    private void onTick() {
        if (!sending) {
            return;
        }
        long now = scheduler.nanoTime();
        credit += ratePerSecond * (now - lastTickNanos) / 1e9;
        lastTickNanos = now;
        // never more than one second's worth at once: a long stall must not turn into a burst
        credit = Math.min(credit, Math.max(1, ratePerSecond));
        BenchMessage.Kind kind = pingPong ? BenchMessage.Kind.PING : BenchMessage.Kind.DATA;
        while (credit >= 1) {
            credit -= 1;
            for (int host : targets) {
                PeerCounters c = peers.get(host);
                new BenchMessage(kind, c.nextSeq, scheduler.nanoTime()).writeTo(outgoing);
                if (layer.send(host, outgoing)) {
                    c.sent++;
                    c.nextSeq++;
                } else {
                    c.refused++;
                }
            }
        }
        tick = scheduler.schedule(this::onTick, TICK_NANOS, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onMessage(int fromHost, byte[] message) {
        PeerCounters c = peers.get(fromHost);
        BenchMessage m = BenchMessage.read(message);
        if (c == null || m == null) {
            return;
        }
        switch (m.kind()) {
            case DATA -> c.delivered(m.seq(), message.length);
            case PING -> {
                c.delivered(m.seq(), message.length);
                System.arraycopy(message, 0, pong, 0, Math.min(message.length, pong.length));
                new BenchMessage(BenchMessage.Kind.PONG, m.seq(), m.sentNanos()).writeTo(pong);
                layer.send(fromHost, message.length == pong.length ? pong : java.util.Arrays.copyOf(pong, message.length));
            }
            case PONG -> c.rtt.record(scheduler.nanoTime() - m.sentNanos());
        }
    }

    @Override
    public void onReachability(int hostId, boolean reachable) {
        PeerCounters c = peers.get(hostId);
        if (c != null) {
            if (reachable) {
                c.reachableEvents++;
            } else {
                c.unreachableEvents++;
            }
        }
        events.accept(reachable ? "host: " + hostId + " is reachable" : "host: " + hostId + " has no active links");
    }

    @Override
    public void onLinkEvent(LinkEvent e) {
        PeerCounters c = peers.get(e.hostId());
        if (c != null) {
            switch (e.kind()) {
                case UP -> c.upEvents++;
                case DOWN -> c.downEvents++;
                case FAILOVER -> c.failovers++;
                default -> {
                }
            }
        }
        events.accept(EventLines.line(e));
    }
}
