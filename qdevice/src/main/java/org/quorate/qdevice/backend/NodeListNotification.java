package org.quorate.qdevice.backend;

import java.util.List;
import java.util.Objects;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.RingId;

/**
 * votequorum's node-list notification: a new ring formed (a sync starts). {@code ringId} is the
 * one every later {@link QuorumBackend#poll poll} must quote; {@code memberIds} is the membership
 * in the order corosync delivered it.
 */
public record NodeListNotification(RingId ringId, List<Long> memberIds) {
    public NodeListNotification {
        Objects.requireNonNull(ringId, "ringId");
        memberIds = List.copyOf(memberIds);
        memberIds.forEach(NodeIds::check);
    }
}
