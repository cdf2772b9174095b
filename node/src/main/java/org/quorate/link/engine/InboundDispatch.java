package org.quorate.link.engine;

import org.quorate.link.wire.Decoded;
import org.quorate.link.wire.DropReason;
import org.quorate.link.wire.LinkPacket;
import org.quorate.net.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * What the engine does with one received datagram: decode and authenticate, attribute it to a host and a link
 * (or drop it), then answer pings and probes, feed pongs and replies to the link's pure parts, and pass data
 * through dedup and reassembly to the listener.
 *
 * <p>Attribution is strict: the link id named inside the (authenticated) packet must be one the receiving
 * socket serves, and the source address must be the configured remote of that host's link. A packet that
 * passes the key but lies about its link is dropped as {@link DropReason#LINK_MISMATCH} (knet's
 * CVE-2026-15812 trusted the link id).
 */
final class InboundDispatch implements EndpointRegistry.Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatch.class);

    private final LinkEngine engine;

    InboundDispatch(LinkEngine engine) {
        this.engine = engine;
    }

    @Override
    public void received(EndpointRegistry.Socket socket, InetSocketAddress source, byte[] data, int length) {
        if (engine.closed()) {
            return;
        }
        if (!(engine.codec().decode(data, length) instanceof Decoded.Accepted a)) {
            return; // the codec counted it
        }
        RemoteHost h = engine.host(a.sourceHost());
        if (h == null) {
            engine.engineDrops().count(DropReason.UNKNOWN_HOST);
            return;
        }
        LinkPath p = h.path(a.linkId());
        if (p == null || !socket.serves(a.linkId()) || !p.spec.remote().equals(source)) {
            engine.engineDrops().count(DropReason.LINK_MISMATCH);
            return;
        }
        if (a.newIncarnation()) {
            LOG.info("host: {} restarted (incarnation {}): forgetting its earlier messages", h.hostId,
                    a.incarnation());
            h.forgetReceived();
        }
        p.stats.received(a.packet().type(), length);
        long now = engine.now();
        LinkPacket packet = a.packet();
        if (packet instanceof LinkPacket.DataFragment fragment) {
            data(h, p, fragment, now);
        } else if (packet instanceof LinkPacket.Ping ping) {
            engine.transmit(p, new LinkPacket.Pong(ping.timestampNanos(), ping.sequence(), ping.probe()));
        } else if (packet instanceof LinkPacket.Pong pong) {
            p.heartbeat.onPong(now, pong.echoedTimestampNanos(), p);
            engine.settle(h);
        } else if (packet instanceof LinkPacket.PmtuProbe probe) {
            engine.transmit(p, new LinkPacket.PmtuReply(probe.probeId(), length));
        } else if (packet instanceof LinkPacket.PmtuReply reply) {
            p.pmtud.onReply(now, reply.probeId(), reply.size(), p);
            engine.settle(h);
        }
    }

    private void data(RemoteHost h, LinkPath p, LinkPacket.DataFragment f, long now) {
        if (!h.reachable) {
            // knet's "fast data up": a link that already counted a pong may come up on data
            p.heartbeat.onDataWhileUnreachable(now, p);
            engine.settle(h);
            if (!h.reachable) {
                engine.engineDrops().count(DropReason.HOST_NOT_REACHABLE);
                return;
            }
        }
        if (h.dedup.seen(f.messageSeq())) {
            engine.engineDrops().count(DropReason.DUPLICATE);
            return;
        }
        byte[] message = f.count() == 1 ? f.chunk()
                : h.reassembler.offer(f.messageSeq(), f.index(), f.count(), f.chunk(), now);
        if (message == null) {
            return;
        }
        if (!h.dedup.firstTime(f.messageSeq())) {
            engine.engineDrops().count(DropReason.DUPLICATE);
            return;
        }
        engine.deliver(h.hostId, message);
    }

    @Override
    public void sendFailed(EndpointRegistry.Socket socket, InetSocketAddress destination, SendFailure failure,
                           String detail) {
        if (engine.closed()) {
            return;
        }
        for (RemoteHost h : engine.hosts()) {
            for (LinkPath p : h.paths()) {
                if (p.socket == socket && p.spec.remote().equals(destination)) {
                    engine.sendFailed(p, destination, failure, detail);
                    return;
                }
            }
        }
    }
}
