package org.quorate.vqsim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a vqsim script drives. Two implementations meet it: the simulator (Quorate's votequorum on every
 * node, joined by the in-memory group layer, under virtual time) and, in the differential test, real
 * corosync 3.1.7 nodes in network namespaces. The same script and the same comparison run on both.
 *
 * <p>Node ids are those of the corosync.conf nodelist. Partitions are vqsim's: every node starts in
 * partition 0; a node that is moved or started into partition p sees only the nodes in p.
 */
public interface ClusterDriver extends AutoCloseable {
    /** The node ids of the configuration's nodelist, ascending. */
    List<Long> configuredNodes();

    /** Starts the nodes (which must be down) in {@code partition}; vqsim's {@code up [p:]n[,n...]}. */
    void up(int partition, List<Long> nodeIds);

    /** Kills the nodes (no clean leave); vqsim's {@code down n[,n...]}. */
    void down(List<Long> nodeIds);

    /** Moves each listed node into its partition; vqsim's {@code split}/{@code move p:n[,n...] ...}. */
    void move(Map<Integer, List<Long>> nodesByPartition);

    /** Merges the partitions into the first one listed; vqsim's {@code join p p ...}. */
    void join(List<Integer> partitions);

    /**
     * vqsim's {@code qdevice on}: registers a quorum device on each node (if not yet) and polls it with
     * the vote cast, every {@code quorum.device.timeout / 2}, quoting the node's latest ring id.
     */
    void qdeviceOn(List<Long> nodeIds);

    /** vqsim's {@code qdevice off}: one poll with the vote withheld, then no more polls (the device
     * stays registered and times out). Also the nemesis's "device that stops polling". */
    void qdeviceOff(List<Long> nodeIds);

    /** Keeps a registered device polling, with the vote cast or withheld: used by the differential test to
     * give the simulator the vote that the real qnetd gave. */
    void qdevicePolls(List<Long> nodeIds, boolean castVote);

    /** {@code corosync-quorumtool -e}: asks {@code nodeId} to set expected votes; returns null when done,
     * otherwise the refusal as the tool prints it. */
    String setExpected(long nodeId, long expectedVotes);

    /** {@code corosync-quorumtool -v V -n target} run on {@code nodeId}; null or the refusal. */
    String setVotes(long nodeId, long targetNodeId, long votes);

    /** Replaces the configuration on every running node and reloads it ({@code corosync-cfgtool -R}). */
    void reload(Path corosyncConf);

    /** Lets {@code duration} pass: virtual time in the simulator, real time on real nodes. */
    void advance(Duration duration);

    /**
     * Waits until every partition's running nodes have installed the same ring and finished its
     * synchronisation, at most {@code timeout}; returns whether they did (vqsim's {@code sync on}).
     */
    boolean settle(Duration timeout);

    /** Every configured node, ascending, with its numbers now. */
    List<NodeSnapshot> snapshot();

    @Override
    void close();
}
