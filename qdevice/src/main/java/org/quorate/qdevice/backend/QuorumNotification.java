package org.quorate.qdevice.backend;

import java.util.List;

/**
 * votequorum's quorum notification: the sync ended. {@code nodes} lists every node votequorum has
 * seen (member, dead or leaving), plus node id 0 for the device when one is registered locally.
 */
public record QuorumNotification(boolean quorate, List<NodeStatus> nodes) {
    public QuorumNotification {
        nodes = List.copyOf(nodes);
    }
}
