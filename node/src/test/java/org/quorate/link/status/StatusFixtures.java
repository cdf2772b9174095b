package org.quorate.link.status;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Builds LinkLayerStatus values for tests: hosts 1..n, links by id, addresses "198.18.C.I" style. */
final class StatusFixtures {
    private StatusFixtures() {
    }

    static InetSocketAddress addr(String host, int port) {
        return new InetSocketAddress(host, port);
    }

    static LinkStatus link(int id, String local, String remote, boolean connected, int mtu) {
        return link(id, local, remote, connected, mtu, LinkCounters.ZERO);
    }

    static LinkStatus link(int id, String local, String remote, boolean connected, int mtu, LinkCounters c) {
        return new LinkStatus(id, addr(local, 5405 + id), addr(remote, 5405 + id), true, connected, connected,
                1, mtu, connected ? "" : "down: no pong", c, 10, 20, 30, 4, 1, connected ? 0 : 1, 0.0);
    }

    /** A local loopback link, as knet gives the local host. */
    static HostStatus local(int id, String name, String address) {
        return new HostStatus(id, name, true, true,
                List.of(new LinkStatus(0, addr(address, 5405), addr(address, 5405), true, true, true, 0, 65535,
                        "", LinkCounters.ZERO, 0, 0, 0, 0, 1, 0, 0.0)));
    }

    static HostStatus remote(int id, String name, boolean reachable, LinkStatus... links) {
        return new HostStatus(id, name, false, reachable, List.of(links));
    }

    static LinkLayerStatus status(int local, List<String> localAddrs, HostStatus... hosts) {
        List<LocalLink> locals = new ArrayList<>();
        for (int i = 0; i < localAddrs.size(); i++) {
            locals.add(new LocalLink(i, "udp", addr(localAddrs.get(i), 5405 + i)));
        }
        return new LinkLayerStatus(local, "knet", locals, List.of(hosts), 0, 0);
    }
}
