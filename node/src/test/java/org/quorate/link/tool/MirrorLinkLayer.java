package org.quorate.link.tool;

import org.quorate.link.LinkEvent;
import org.quorate.link.LinkLayer;
import org.quorate.link.LinkListener;
import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.config.LinkSpec;
import org.quorate.link.status.HostStatus;
import org.quorate.link.status.LinkCounters;
import org.quorate.link.status.LinkLayerStatus;
import org.quorate.link.status.LinkStatus;
import org.quorate.link.status.LocalLink;
import org.quorate.time.Scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in link layer for the tool's own tests: every message sent to host H comes back, a little later,
 * as if H had sent it, so the tool's counting, ping-pong, status files and report run without the engine.
 * {@code refuseEvery} &gt; 0 refuses every N-th send (a full queue).
 */
final class MirrorLinkLayer implements LinkLayer {
    private final LinkLayerConfig config;
    private final Scheduler scheduler;
    private final int refuseEvery;
    private LinkListener listener;
    private long sends;
    private boolean closed;

    MirrorLinkLayer(LinkLayerConfig config, Scheduler scheduler, int refuseEvery) {
        this.config = config;
        this.scheduler = scheduler;
        this.refuseEvery = refuseEvery;
    }

    @Override
    public int localHostId() {
        return config.localHostId();
    }

    @Override
    public void start(LinkListener l) {
        this.listener = l;
        for (HostLinks h : config.hosts()) {
            for (LinkSpec s : h.links()) {
                l.onLinkEvent(new LinkEvent(scheduler.nanoTime(), h.hostId(), s.linkId(), LinkEvent.Kind.UP, ""));
            }
            l.onReachability(h.hostId(), true);
        }
    }

    @Override
    public boolean send(int hostId, byte[] message) {
        sends++;
        if (closed || refuseEvery > 0 && sends % refuseEvery == 0) {
            return false;
        }
        byte[] copy = message.clone();
        scheduler.schedule(() -> {
            if (!closed) {
                listener.onMessage(hostId, copy);
            }
        }, 100, TimeUnit.MICROSECONDS);
        return true;
    }

    @Override
    public int sendToAll(byte[] message) {
        config.hosts().forEach(h -> send(h.hostId(), message));
        return config.hosts().size();
    }

    @Override
    public boolean reachable(int hostId) {
        return true;
    }

    @Override
    public LinkLayerStatus status() {
        List<LocalLink> local = new ArrayList<>();
        config.hosts().get(0).links().forEach(s -> local.add(new LocalLink(s.linkId(), "udp", s.local())));
        List<HostStatus> hosts = new ArrayList<>();
        hosts.add(new HostStatus(config.localHostId(), config.localName(), true, true, List.of()));
        for (HostLinks h : config.hosts()) {
            List<LinkStatus> links = new ArrayList<>();
            for (LinkSpec s : h.links()) {
                links.add(new LinkStatus(s.linkId(), s.local(), s.remote(), true, true, true, s.priority(), 1400, "",
                        LinkCounters.ZERO, 100, 120, 200, 10, 1, 0, 0.0));
            }
            hosts.add(new HostStatus(h.hostId(), h.name(), false, true, links));
        }
        hosts.sort(java.util.Comparator.comparingInt(HostStatus::hostId));
        return new LinkLayerStatus(config.localHostId(), "knet", local, hosts, 0, 0);
    }

    @Override
    public void close() {
        closed = true;
    }
}
