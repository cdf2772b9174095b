package org.quorate.link.memory;

import org.quorate.link.LinkEvent;
import org.quorate.link.LinkLayer;
import org.quorate.link.LinkListener;
import org.quorate.link.status.HostStatus;
import org.quorate.link.status.LinkCounters;
import org.quorate.link.status.LinkLayerStatus;
import org.quorate.link.status.LinkStatus;
import org.quorate.link.status.LocalLink;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One host's {@link LinkLayer} on an {@link InMemoryLinkHub}: the same contract as the real engine (messages at
 * most once, reachability reported only on a change, the local host looped back, nothing after close) with one
 * pretend link, id 0, per peer. Every call and callback is on the hub's scheduler thread.
 */
public final class InMemoryLinkLayer implements LinkLayer {
    private final InMemoryLinkHub hub;
    private final int hostId;
    private LinkListener listener;
    private boolean closed;
    private long sent;
    private long received;
    private long refused;

    InMemoryLinkLayer(InMemoryLinkHub hub, int hostId) {
        this.hub = hub;
        this.hostId = hostId;
    }

    @Override
    public int localHostId() {
        return hostId;
    }

    @Override
    public void start(LinkListener listener) {
        if (this.listener != null || closed) {
            throw new IllegalStateException("in-memory link layer of host " + hostId + ": already started or closed");
        }
        this.listener = listener;
        hub.refresh();
    }

    @Override
    public boolean send(int to, byte[] message) {
        if (message.length > MAX_MESSAGE) {
            throw new IllegalArgumentException("in-memory link layer: a message to host " + to + " of "
                    + message.length + " bytes is longer than " + MAX_MESSAGE);
        }
        if (!running() || !reachable(to)) {
            refused++;
            return false;
        }
        sent++;
        byte[] copy = message.clone();
        if (to == hostId) {
            hub.scheduler().execute(() -> deliver(hostId, copy));
        } else {
            hub.transmit(hostId, to, copy);
        }
        return true;
    }

    @Override
    public int sendToAll(byte[] message) {
        int n = 0;
        for (int h : new ArrayList<>(hub.hostIds())) {
            if ((h == hostId || reachable(h)) && send(h, message)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean reachable(int peer) {
        return peer == hostId || (running() && hub.reachable(hostId, peer));
    }

    @Override
    public LinkLayerStatus status() {
        InetSocketAddress self = address(hostId);
        List<HostStatus> hosts = new ArrayList<>();
        for (int h : hub.hostIds()) {
            boolean local = h == hostId;
            boolean up = reachable(h);
            LinkStatus link = new LinkStatus(0, self, address(h), true, up, up, 1, MAX_MESSAGE,
                    up ? "" : "down: no connection in the in-memory hub", LinkCounters.ZERO, 0, 0, 0, 0, 0, 0, 0);
            hosts.add(new HostStatus(h, "host" + h, local, up, List.of(link)));
        }
        return new LinkLayerStatus(hostId, "memory", List.of(new LocalLink(0, "memory", self)), hosts, 0, 0);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            hub.forget(hostId);
            hub.refresh();
        }
    }

    public long sentMessages() {
        return sent;
    }

    public long receivedMessages() {
        return received;
    }

    public long refusedSends() {
        return refused;
    }

    // ---- for the hub ----

    boolean running() {
        return listener != null && !closed;
    }

    boolean closed() {
        return closed;
    }

    void deliver(int from, byte[] message) {
        if (running()) {
            received++;
            listener.onMessage(from, message);
        }
    }

    void reachabilityChanged(int peer, boolean reachable, LinkEvent.Kind kind) {
        if (running()) {
            listener.onLinkEvent(new LinkEvent(hub.scheduler().nanoTime(), peer, 0, kind,
                    reachable ? "in-memory hub: both directions open" : "in-memory hub: a direction is cut"));
            listener.onReachability(peer, reachable);
        }
    }

    private static InetSocketAddress address(int host) {
        return InetSocketAddress.createUnresolved("memory-" + host, 0);
    }
}
