package org.quorate.link.status;

import java.util.List;

/** One host as the local node sees it. {@code local} is true for the node itself (cfgtool: "localhost"). */
public record HostStatus(int hostId, String name, boolean local, boolean reachable, List<LinkStatus> links) {
    public HostStatus {
        links = List.copyOf(links);
    }
}
