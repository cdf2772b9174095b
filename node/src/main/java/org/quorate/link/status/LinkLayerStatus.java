package org.quorate.link.status;

import java.util.List;

/**
 * A snapshot of one node's link layer, for corosync-cfgtool-shaped text and JSON.
 *
 * @param transport  "knet", as corosync-cfgtool prints it
 * @param localLinks the local end of each configured link, by link id
 * @param hosts      every host, the local one included, by node id
 */
public record LinkLayerStatus(int localHostId, String transport, List<LocalLink> localLinks, List<HostStatus> hosts,
                              long authenticationFailures, long droppedPackets) {
    public LinkLayerStatus {
        localLinks = List.copyOf(localLinks);
        hosts = List.copyOf(hosts);
    }
}
