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

    /** Lets {@code time} go by: virtual time in memory, a sleep on real sockets. */
    void pass(Duration time);

    /** Stops qnetd (every connection drops); {@link #startQnetd()} brings it back on the same address. */
    void stopQnetd();

    void startQnetd();

    /** Which way a cut between a node and qnetd loses what is sent. */
    enum Direction { TO_QNETD, FROM_QNETD, BOTH }

    /** Partitions {@code node} from qnetd: what crosses in {@code direction} is lost, connections stay up. */
    void cut(SimNode node, Direction direction);

    /** Delays everything between {@code node} and qnetd by {@code oneWay} in each direction. */
    void delay(SimNode node, Duration oneWay);

    /** Takes every cut and delay off {@code node}'s path. */
    void heal(SimNode node);

    /** Loses {@code node}'s connection: both ends see it close, as after a reset. */
    void dropConnection(SimNode node);

    @Override
    void close();
}
