package org.quorate.cluster.group;

/**
 * A service on top of the group layer, as corosync's services sit on totem and its synchroniser.
 * Callbacks run on the layer's single delivery thread (or the simulator's step loop), never
 * concurrently; time comes from the clock the service was built with, never from the callbacks.
 */
public interface GroupService {
    /** A new ring is installed; called on every member before any message of the new ring. */
    void syncInit(GroupView view);

    /**
     * Called repeatedly after {@link #syncInit} until it returns true. A service may multicast here (for
     * example its node information) and return false to hold the ring's synchronisation, as votequorum
     * does while it waits for its quorum device's poll.
     */
    boolean syncProcess();

    /** Every member of the ring finished {@link #syncProcess}: the ring is in service. */
    void syncActivate();

    /** A newer ring replaced the one being synchronised before it was activated. */
    void syncAbort();

    /** A message, in agreed order; {@code senderNodeId} may be this node (self delivery). */
    void deliver(long senderNodeId, byte[] payload);
}
