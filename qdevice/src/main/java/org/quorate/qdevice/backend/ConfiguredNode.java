package org.quorate.qdevice.backend;

import java.util.Optional;
import org.quorate.cluster.NodeIds;

/** One {@code nodelist.node.<N>} entry of corosync.conf. {@code datacenterId} 0 = not set. */
public record ConfiguredNode(long nodeId, long datacenterId, Optional<String> name, Optional<String> ring0Addr) {
    public ConfiguredNode {
        NodeIds.check(nodeId);
        NodeIds.check(datacenterId);
    }
}
