package org.quorate.link.config;

import java.util.List;

/** A remote host (node id) and its configured links, in link-id order. */
public record HostLinks(int hostId, String name, List<LinkSpec> links) {
    public HostLinks {
        if (hostId < 1 || hostId > 65535) {
            throw new IllegalArgumentException("host " + hostId + ": node ids are 1..65535");
        }
        links = List.copyOf(links);
        if (links.isEmpty() || links.size() > LinkSpec.MAX_LINKS) {
            throw new IllegalArgumentException("host " + hostId + ": 1.." + LinkSpec.MAX_LINKS + " links, not " + links.size());
        }
    }
}
