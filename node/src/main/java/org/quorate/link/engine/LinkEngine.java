package org.quorate.link.engine;

import org.quorate.link.LinkEvent;
import org.quorate.link.LinkLayer;
import org.quorate.link.LinkListener;
import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.config.LinkSpec;
import org.quorate.link.config.LinkTuning;
import org.quorate.link.crypto.KeyRing;
import org.quorate.link.data.Fragmenter;
import org.quorate.link.heartbeat.LinkState;
import org.quorate.link.status.LinkLayerStatus;
import org.quorate.link.wire.DropCounters;
import org.quorate.link.wire.DropReason;
import org.quorate.link.wire.LinkPacket;
import org.quorate.link.wire.PacketCodec;
import org.quorate.link.wire.PacketType;
import org.quorate.net.DatagramTransport;
import org.quorate.net.SendFailure;
import org.quorate.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The link layer of one node over a {@link DatagramTransport}: knet's model in one single-threaded object.
 * Every call, every received datagram and every timer runs on {@code scheduler}'s thread.
 *
 * <p>A tick every {@code HeartbeatTuning.tick()} drives the heartbeats (pings, link down), path-MTU discovery
 * and reassembly expiry. After anything that can change a link (a tick, a pong, an MTU reply, a send failure)
 * the host is <em>settled</em>: link up/down is reported once, the links its traffic uses are recomputed, and
 * reachability is reported only when it changes. A failover from one link to another is a
 * {@link LinkEvent.Kind#FAILOVER}, never a reachability change.
 *
 * <p>Sends are bounded per host and per scheduler turn by {@code LinkTuning.maxQueuedBytesPerHost}: the
 * transport flushes between turns, so what one turn hands it is what can be waiting in its write queue.
 */
public final class LinkEngine implements LinkLayer {
    private static final Logger LOG = LoggerFactory.getLogger(LinkEngine.class);
    private static final long DROP_SUMMARY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LinkLayerConfig config;
    private final DatagramTransport transport;
    private final Scheduler scheduler;
    private final InterfaceMtu interfaceMtu;
    private final PacketCodec codec;
    private final Map<Integer, RemoteHost> hosts = new TreeMap<>();
    private final EndpointRegistry endpoints;
    private final DropCounters drops = new DropCounters();
    private final SendFailureLog sendFailures = new SendFailureLog(LOG);
    private final InboundDispatch inbound;
    private final int[] chosen = new int[LinkSpec.MAX_LINKS];
    private LinkListener listener;
    private Scheduler.Cancellable tick;
    private boolean closed;
    private boolean turnResetScheduled;
    private long localTurnBytes;
    private long refusedSends;
    private long lastDropSummaryNanos;
    private long lastDropSummaryTotal;

    public LinkEngine(LinkLayerConfig config, DatagramTransport transport, Scheduler scheduler) {
        this(config, transport, scheduler, InterfaceMtu.SYSTEM);
    }

    /** @param interfaceMtu where the PMTU ceiling of each local address comes from (simulations: Ethernet) */
    public LinkEngine(LinkLayerConfig config, DatagramTransport transport, Scheduler scheduler,
                      InterfaceMtu interfaceMtu) {
        this.config = config;
        this.transport = transport;
        this.scheduler = scheduler;
        this.interfaceMtu = interfaceMtu;
        this.codec = Codecs.create(config, scheduler);
        this.endpoints = new EndpointRegistry(config.hosts());
        this.inbound = new InboundDispatch(this);
    }

    @Override
    public int localHostId() {
        return config.localHostId();
    }

    @Override
    public void start(LinkListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("link layer of host " + config.localHostId() + ": already started");
        }
        if (closed) {
            throw new IllegalStateException("link layer of host " + config.localHostId() + ": closed");
        }
        this.listener = listener;
        endpoints.open(transport, inbound);
        long now = scheduler.nanoTime();
        LinkTuning tuning = config.tuning();
        PathEffects effects = new EngineEffects();
        for (HostLinks h : config.hosts()) {
            RemoteHost host = new RemoteHost(h.hostId(), h.name(), config.policy(), tuning.reassembly());
            for (LinkSpec l : h.links()) {
                int ceiling = InterfaceMtu.udpCeiling(interfaceMtu, l.local());
                host.add(new LinkPath(h.hostId(), l, tuning.heartbeat(), tuning.pmtu(), ceiling,
                        endpoints.socket(l.local()), effects, now));
            }
            host.refreshCandidates();
            hosts.put(h.hostId(), host);
        }
        lastDropSummaryNanos = now;
        scheduleTick();
    }

    private void scheduleTick() {
        tick = scheduler.schedule(this::onTick, config.tuning().heartbeat().tick().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onTick() {
        if (closed) {
            return;
        }
        long now = scheduler.nanoTime();
        for (RemoteHost h : hosts.values()) {
            for (LinkPath p : h.paths()) {
                p.heartbeat.onTick(now, p);
                if (p.heartbeat.connected()) {
                    p.pmtud.onTick(now, p);
                }
            }
            h.reassembler.expire(now);
            settle(h);
        }
        summarizeDrops(now);
        scheduleTick();
    }

    /** Reports link up/down once, recomputes the links traffic uses, reports reachability on a change. */
    void settle(RemoteHost h) {
        long now = scheduler.nanoTime();
        String why = "";
        for (LinkPath p : h.paths()) {
            int change = p.settle();
            if (change > 0) {
                LOG.info("host: {} link: {} is up", h.hostId, p.linkId());
                why = "link " + p.linkId() + " up";
                event(new LinkEvent(now, h.hostId, p.linkId(), LinkEvent.Kind.UP, p.lastStateReason()));
                p.pmtud.restart(now, "link up", p);
            } else if (change < 0) {
                LOG.info("host: {} link: {} is down", h.hostId, p.linkId());
                why = "link " + p.linkId() + " down: " + p.lastStateReason();
                event(new LinkEvent(now, h.hostId, p.linkId(), LinkEvent.Kind.DOWN, p.lastStateReason()));
            }
        }
        h.refreshCandidates();
        int mask = h.plannedMask();
        int before = h.trafficMask;
        h.trafficMask = mask;
        boolean reachable = mask != 0;
        if (reachable != h.reachable) {
            h.reachable = reachable;
            if (!reachable) {
                LOG.warn("host: {} has no active links", h.hostId);
            }
            if (!closed) {
                listener.onReachability(h.hostId, reachable);
            }
        } else if (reachable && mask != before) {
            int to = Integer.numberOfTrailingZeros(mask);
            String detail = "traffic moved from link " + RemoteHost.links(before) + " to link "
                    + RemoteHost.links(mask) + (why.isEmpty() ? "" : ": " + why);
            LOG.info("host: {} ({}) {}", h.hostId, config.policy().confName(), detail);
            event(new LinkEvent(now, h.hostId, to, LinkEvent.Kind.FAILOVER, detail));
        }
    }

    void event(LinkEvent e) {
        if (!closed) {
            listener.onLinkEvent(e);
        }
    }

    void deliver(int fromHost, byte[] message) {
        if (!closed) {
            listener.onMessage(fromHost, message);
        }
    }

    /** Encodes {@code packet} for the path and sends it; returns the datagram's size (0 when closed). */
    int transmit(LinkPath p, LinkPacket packet) {
        if (p.socket.endpoint == null) {
            return 0;
        }
        byte[] d = codec.encode(p.hostId, p.linkId(), packet);
        p.socket.endpoint.send(p.spec.remote(), d, 0, d.length);
        p.stats.sent(packet.type(), d.length);
        return d.length;
    }

    @Override
    public boolean send(int hostId, byte[] message) {
        if (message.length > MAX_MESSAGE) {
            throw new IllegalArgumentException("link layer: a message to host " + hostId + " of " + message.length
                    + " bytes is longer than " + MAX_MESSAGE);
        }
        if (closed || listener == null) {
            return refuse();
        }
        if (hostId == config.localHostId()) {
            return loopback(message);
        }
        RemoteHost h = hosts.get(hostId);
        if (h == null || !h.reachable || h.turnBytes + message.length > config.tuning().maxQueuedBytesPerHost()) {
            if (h != null) {
                h.refusedSends++;
            }
            return refuse();
        }
        int n = h.choose(chosen);
        if (n == 0) {
            h.refusedSends++;
            return refuse();
        }
        int overhead = codec.overhead(PacketType.DATA);
        int chunk = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            chunk = Math.min(chunk, h.path(chosen[i]).pmtud.mtu() - overhead);
        }
        long seq = h.nextMessageSeq++;
        int count = Fragmenter.count(message.length, chunk);
        for (int f = 0; f < count; f++) {
            int offset = Fragmenter.offset(f, chunk);
            byte[] part = count == 1 ? message : Arrays.copyOfRange(message, offset,
                    offset + Fragmenter.length(message.length, f, chunk));
            LinkPacket.DataFragment fragment = new LinkPacket.DataFragment(seq, f, count, part);
            for (int i = 0; i < n; i++) {
                h.turnBytes += transmit(h.path(chosen[i]), fragment);
            }
        }
        scheduleTurnReset();
        return true;
    }

    private boolean loopback(byte[] message) {
        if (localTurnBytes + message.length > config.tuning().maxQueuedBytesPerHost()) {
            return refuse();
        }
        localTurnBytes += message.length;
        scheduleTurnReset();
        byte[] copy = message.clone();
        int self = config.localHostId();
        scheduler.execute(() -> deliver(self, copy));
        return true;
    }

    private boolean refuse() {
        refusedSends++;
        return false;
    }

    private void scheduleTurnReset() {
        if (!turnResetScheduled) {
            turnResetScheduled = true;
            scheduler.execute(() -> {
                turnResetScheduled = false;
                localTurnBytes = 0;
                for (RemoteHost h : hosts.values()) {
                    h.turnBytes = 0;
                }
            });
        }
    }

    @Override
    public int sendToAll(byte[] message) {
        int sent = send(config.localHostId(), message) ? 1 : 0;
        for (RemoteHost h : hosts.values()) {
            if (h.reachable && send(h.hostId, message)) {
                sent++;
            }
        }
        return sent;
    }

    @Override
    public boolean reachable(int hostId) {
        if (hostId == config.localHostId()) {
            return true;
        }
        RemoteHost h = hosts.get(hostId);
        return h != null && h.reachable;
    }

    @Override
    public LinkLayerStatus status() {
        return StatusSnapshot.of(config, hosts.values(), codec.overhead(PacketType.DATA),
                codec.drops().get(DropReason.AUTHENTICATION_FAILED), codec.drops().total() + drops.total());
    }

    /** The key slots, for rotation without loss: install, switch sending, remove (spec §5.7). */
    public KeyRing keys() {
        return codec.keys();
    }

    /** Datagrams dropped for {@code reason}, by the decoder and by the engine's own checks. */
    public long dropped(DropReason reason) {
        return codec.drops().get(reason) + drops.get(reason);
    }

    /** Sends refused: unknown or unreachable host, the per-host bound reached, or the layer closed. */
    public long refusedSends() {
        return refusedSends;
    }

    /** Bytes buffered in reassembly across all hosts (bounded by the reassembly limits per host). */
    public long reassemblyBytes() {
        long b = 0;
        for (RemoteHost h : hosts.values()) {
            b += h.reassembler.bufferedBytes();
        }
        return b;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tick != null) {
            tick.cancel();
        }
        endpoints.close();
    }

    // ---- used by InboundDispatch, on the scheduler thread ----

    boolean closed() {
        return closed;
    }

    long now() {
        return scheduler.nanoTime();
    }

    PacketCodec codec() {
        return codec;
    }

    DropCounters engineDrops() {
        return drops;
    }

    RemoteHost host(int hostId) {
        return hosts.get(hostId);
    }

    Collection<RemoteHost> hosts() {
        return hosts.values();
    }

    void sendFailed(LinkPath p, InetSocketAddress destination, SendFailure failure, String detail) {
        p.stats.sendFailed();
        long now = scheduler.nanoTime();
        sendFailures.failed(now, p.hostId, p.linkId(), destination, failure, detail);
        if (failure == SendFailure.MESSAGE_TOO_BIG && p.lastProbeSize > 0) {
            p.pmtud.onTooBig(now, p.lastProbeSize, p);
            settle(hosts.get(p.hostId));
        } else if (failure == SendFailure.UNREACHABLE && p.heartbeat.connected()) {
            // knet (transport_udp.c read_errs_from_sock): an ICMP unreachable or refused for a connected link
            // takes it down at once instead of waiting for the pong timeout; pongs bring it back as usual
            p.heartbeat.forceDown(now, "send to " + destination + " failed: " + failure.errno() + " (" + detail
                    + ")", p);
            settle(hosts.get(p.hostId));
        }
    }

    private void summarizeDrops(long now) {
        if (now - lastDropSummaryNanos < DROP_SUMMARY_NANOS) {
            return;
        }
        lastDropSummaryNanos = now;
        long total = codec.drops().total() + drops.total();
        if (total != lastDropSummaryTotal && LOG.isDebugEnabled()) {
            LOG.debug("host {}: dropped datagrams so far: decoder {}, engine {}", config.localHostId(),
                    codec.drops().nonZero(), drops.nonZero());
        }
        lastDropSummaryTotal = total;
    }

    /** The pure parts' effects, carried out on the engine. */
    private final class EngineEffects implements PathEffects {
        @Override
        public void sendPing(LinkPath path, long timestampNanos, boolean probe) {
            RemoteHost h = hosts.get(path.hostId);
            transmit(path, new LinkPacket.Ping(timestampNanos, (int) h.nextMessageSeq, probe));
        }

        @Override
        public void sendProbe(LinkPath path, int size, int probeId) {
            transmit(path, new LinkPacket.PmtuProbe(probeId, size));
        }

        @Override
        public void linkStateChanged(LinkPath path, LinkState from, LinkState to, String reason) {
            // acted on in settle(), after the heartbeat call returns: no re-entry into the heartbeat
        }

        @Override
        public void trafficChanged(LinkPath path, boolean carriesTraffic, String reason) {
            // likewise: settle() compares the links traffic uses before and after
        }

        @Override
        public void mtuChanged(LinkPath path, int from, int to, String reason) {
            LOG.info("host: {} link: {} PMTUD link change: {} -> {} ({})", path.hostId, path.linkId(), from, to,
                    reason);
            event(new LinkEvent(scheduler.nanoTime(), path.hostId, path.linkId(), LinkEvent.Kind.MTU_CHANGED,
                    from + " -> " + to + ": " + reason));
        }
    }
}
