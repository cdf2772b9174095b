package org.quorate.qdevice.scenario;

import org.quorate.protocol.DecisionAlgorithm;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The fault-injection seam of the scenario suite: the same scenarios run on an in-memory network under a
 * virtual clock ({@link InMemoryQuorumNetwork}) and on real loopback sockets with real time
 * ({@link SocketQuorumNetwork}), against Quorate's qnetd server code in both cases.
 */
public interface QuorumNetwork extends AutoCloseable {
    /** Starts node {@code nodeId}'s qdevice client of a {@code clusterSize}-node cluster, on ring (1, 1). */
    SimNode start(long nodeId, int clusterSize, DecisionAlgorithm algorithm);

    /** Runs {@code action} on the node's own thread, as votequorum's callbacks would. */
    void onNode(SimNode node, Runnable action);

    /** Reads node state on its own thread. */
    <T> T query(SimNode node, Supplier<T> read);

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    void await(String what, Duration timeout, Supplier<Boolean> condition);

    /** Stops qnetd (every connection drops); {@link #startQnetd()} brings it back on the same address. */
    void stopQnetd();

    void startQnetd();

    @Override
    void close();
}
