package org.quorate.link.config;

import org.quorate.link.LinkPolicy;
import org.quorate.link.crypto.CryptoConfig;

import java.util.List;

/**
 * Everything the link layer of one node needs: who it is, the remote hosts with their links, the link
 * policy, the crypto, and Quorate's own tuning (hysteresis, bounds). Built from corosync.conf by
 * {@link LinkLayerConfigs#fromCorosync}, or by hand in tests.
 */
public record LinkLayerConfig(int localHostId, String localName, LinkPolicy policy, CryptoConfig crypto,
                              List<HostLinks> hosts, LinkTuning tuning) {
    public LinkLayerConfig {
        hosts = List.copyOf(hosts);
        for (HostLinks h : hosts) {
            if (h.hostId() == localHostId) {
                throw new IllegalArgumentException("host " + localHostId + " is the local host: it is reached "
                        + "through the loopback link, not listed among the remote hosts");
            }
        }
    }
}
