package org.quorate.cluster.group;

import java.util.List;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.RingId;

/**
 * A ring installed by the membership layer.
 *
 * @param ringId the new ring's id
 * @param members the node ids of the ring, in membership order (ascending node id, as totem orders them)
 * @param transitionalMembers the members that came through from the previous ring with this node
 *     (corosync's transitional membership): members minus the nodes that joined
 */
public record GroupView(RingId ringId, List<Long> members, List<Long> transitionalMembers) {
    public GroupView {
        members = List.copyOf(members);
        transitionalMembers = List.copyOf(transitionalMembers);
        members.forEach(NodeIds::check);
        if (!members.containsAll(transitionalMembers)) {
            throw new IllegalArgumentException(
                    "transitional members " + transitionalMembers + " are not all members of " + members);
        }
    }

    public boolean contains(long nodeId) {
        return members.contains(nodeId);
    }
}
