package org.quorate.cluster.group;

/**
 * What a service uses of the membership layer: its own node id and agreed-order multicast to the current
 * ring. Implemented in memory by the simulator and, later, by Quorate's membership protocol.
 */
public interface GroupLayer {
    long localNodeId();

    /**
     * Multicasts {@code payload} in agreed order to every member of the current ring, this node included.
     * Returns false, and sends nothing, when the layer cannot take the message now (no ring yet, or the
     * node is leaving); the service decides whether to retry, as corosync's services do on CS_ERR_TRY_AGAIN.
     */
    boolean multicast(byte[] payload);
}
