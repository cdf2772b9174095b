package org.quorate.link;

import org.quorate.link.status.LinkLayerStatus;

/**
 * What the membership layer uses to reach other hosts. Host id = corosync node id. Every method must be called
 * on the layer's scheduler thread, and every listener call arrives on it.
 *
 * <p>Messages are datagrams: delivered at most once (duplicates from active mode or the network are removed),
 * possibly lost or reordered; ordering and repair are the membership layer's job.
 */
public interface LinkLayer extends AutoCloseable {
    /** The largest message {@link #send} accepts: 64 KiB, fragmented below the path MTU. */
    int MAX_MESSAGE = 65536;

    int localHostId();

    /** Starts sockets and heartbeats; listener calls begin after this. */
    void start(LinkListener listener);

    /**
     * Queues one message to {@code hostId} (the local host loops back). Returns false, and counts, when the
     * host is unknown or unreachable or the bounded queue is full: the message is then not sent.
     *
     * @throws IllegalArgumentException when longer than {@link #MAX_MESSAGE}
     */
    boolean send(int hostId, byte[] message);

    /** Sends one message to every reachable host, the local one included. Returns how many hosts it went to. */
    int sendToAll(byte[] message);

    /** Whether at least one link to {@code hostId} can carry data now (always true for the local host). */
    boolean reachable(int hostId);

    /** A snapshot for corosync-cfgtool-shaped status and JSON. */
    LinkLayerStatus status();

    /** Stops heartbeats, closes sockets; no listener call after it returns. */
    @Override
    void close();
}
