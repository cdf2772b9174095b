package org.quorate.link.engine;

import org.quorate.link.LinkLayer;
import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.config.LinkSpec;
import org.quorate.link.heartbeat.LinkScore;
import org.quorate.link.status.HostStatus;
import org.quorate.link.status.LinkCounters;
import org.quorate.link.status.LinkLayerStatus;
import org.quorate.link.status.LinkStatus;
import org.quorate.link.status.LocalLink;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link LinkLayerStatus} of an engine from its hosts and paths: a copy, safe to keep. */
final class StatusSnapshot {
    private StatusSnapshot() {
    }

    /** The local end of every configured link id, in link-id order ("udp": knet's name for the transport). */
    static List<LocalLink> localLinks(LinkLayerConfig config) {
        Map<Integer, InetSocketAddress> byLink = new TreeMap<>();
        for (HostLinks h : config.hosts()) {
            for (LinkSpec l : h.links()) {
                byLink.putIfAbsent(l.linkId(), l.local());
            }
        }
        List<LocalLink> out = new ArrayList<>();
        byLink.forEach((id, address) -> out.add(new LocalLink(id, "udp", address)));
        return out;
    }

    static LinkLayerStatus of(LinkLayerConfig config, Collection<RemoteHost> remotes, int dataOverhead,
                              long authenticationFailures, long droppedPackets) {
        List<LocalLink> locals = localLinks(config);
        Map<Integer, HostStatus> hosts = new TreeMap<>();
        hosts.put(config.localHostId(), local(config, locals));
        for (RemoteHost h : remotes) {
            List<LinkStatus> links = new ArrayList<>();
            for (LinkPath p : h.paths()) {
                links.add(link(p, dataOverhead));
            }
            hosts.put(h.hostId, new HostStatus(h.hostId, h.name, false, h.reachable, links));
        }
        return new LinkLayerStatus(config.localHostId(), "knet", locals, new ArrayList<>(hosts.values()),
                authenticationFailures, droppedPackets);
    }

    /** The local host: one always-connected loopback entry per local link id, shown as "localhost". */
    private static HostStatus local(LinkLayerConfig config, List<LocalLink> locals) {
        List<LinkStatus> links = new ArrayList<>();
        for (LocalLink l : locals) {
            links.add(new LinkStatus(l.linkId(), l.address(), l.address(), true, true, true, 1,
                    LinkLayer.MAX_MESSAGE, "", LinkCounters.ZERO, 0, 0, 0, 0, 1, 0, 0));
        }
        return new HostStatus(config.localHostId(), config.localName(), true, true, links);
    }

    private static LinkStatus link(LinkPath p, int dataOverhead) {
        LinkScore s = p.heartbeat.score();
        int dataMtu = Math.max(0, p.pmtud.mtu() - dataOverhead);
        return new LinkStatus(p.linkId(), p.spec.local(), p.spec.remote(), true, p.heartbeat.connected(),
                p.candidate().carriesTraffic(), p.spec.priority(), dataMtu,
                p.notEligibleWhy(), p.stats.snapshot(), s.latencyMinUs(), s.latencyAvgUs(), s.latencyMaxUs(),
                s.samples(), s.upCount(), s.downCount(), s.lossRatio());
    }
}
