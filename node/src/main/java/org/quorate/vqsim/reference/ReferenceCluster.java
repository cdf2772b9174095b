package org.quorate.vqsim.reference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;

/**
 * The reference model as a whole cluster: {@link RefNode}s in vqsim partitions, a FIFO per partition
 * standing for agreed order, and virtual time kept as a plain counter. It meets {@link ClusterDriver} so
 * that the runner can feed it exactly the commands it feeds the engine under test, and compare.
 *
 * <p>Choices the real stack leaves open, fixed here so that the model is deterministic: a partition
 * whose members change installs one new ring; at a ring every member first sends its NODEINFO and the
 * device's NODEINFO, then all are delivered in ascending sender order; a polling device answers the
 * node-list notification at once; a registered device that stopped polling holds the partition's sync
 * until {@code quorum.device.sync_timeout}.
 */
public final class ReferenceCluster implements ClusterDriver {
    private final Function<Path, Map<String, String>> loader;
    private RefConfig config;
    private final TreeMap<Long, RefNode> running = new TreeMap<>();
    private final Map<Long, Integer> partitionOf = new HashMap<>();
    private final Map<Long, long[]> evTracking = new HashMap<>();
    private final Map<Integer, List<Long>> installed = new HashMap<>();
    private final Map<Integer, long[]> rings = new HashMap<>();
    private final Map<Integer, Long> heldUntil = new HashMap<>();
    private final Map<Integer, Deque<RefMessage>> queues = new TreeMap<>();
    private long now;

    public ReferenceCluster(Map<String, String> cmap, Function<Path, Map<String, String>> loader) {
        this.config = RefConfig.fromCmap(cmap);
        this.loader = loader;
    }

    @Override
    public List<Long> configuredNodes() {
        return new ArrayList<>(new TreeSet<>(config.nodeVotes().keySet()));
    }

    @Override
    public void up(int partition, List<Long> nodeIds) {
        for (long id : nodeIds) {
            if (running.containsKey(id)) {
                throw new IllegalArgumentException("nodeid " + id + " already exists in partition " + partitionOf.get(id));
            }
            if (!config.nodeVotes().containsKey(id)) {
                throw new IllegalArgumentException("nodeid " + id + " is not in the nodelist");
            }
            partitionOf.put(id, partition);
            running.put(id, new RefNode(id, config, evTracking.computeIfAbsent(id, k -> new long[1]), m -> send(id, m)));
        }
        installViews();
    }

    @Override
    public void down(List<Long> nodeIds) {
        for (long id : nodeIds) {
            requireUp(id);
            running.remove(id);
        }
        installViews();
    }

    @Override
    public void move(Map<Integer, List<Long>> nodesByPartition) {
        nodesByPartition.forEach((p, ids) -> ids.forEach(id -> {
            requireUp(id);
            partitionOf.put(id, p);
        }));
        installViews();
    }

    @Override
    public void join(List<Integer> partitions) {
        int target = partitions.get(0);
        for (long id : running.keySet()) {
            if (partitions.subList(1, partitions.size()).contains(partitionOf.get(id))) {
                partitionOf.put(id, target);
            }
        }
        installViews();
    }

    @Override
    public void qdeviceOn(List<Long> nodeIds) {
        nodeIds.stream().filter(running::containsKey).forEach(id -> running.get(id).deviceOn(now));
        drain();
    }

    @Override
    public void qdeviceOff(List<Long> nodeIds) {
        nodeIds.stream().filter(running::containsKey).forEach(id -> running.get(id).deviceOff(now));
        drain();
    }

    @Override
    public void qdevicePolls(List<Long> nodeIds, boolean castVote) {
        nodeIds.stream().filter(running::containsKey).forEach(id -> running.get(id).devicePolls(castVote, now));
        drain();
    }

    @Override
    public String setExpected(long nodeId, long expectedVotes) {
        String refusal = requireUp(nodeId).setExpected(expectedVotes);
        drain();
        return refusal;
    }

    @Override
    public String setVotes(long nodeId, long targetNodeId, long votes) {
        String refusal = requireUp(nodeId).setVotes(targetNodeId, votes);
        drain();
        return refusal;
    }

    @Override
    public void reload(Path corosyncConf) {
        RefConfig next = RefConfig.fromCmap(loader.apply(corosyncConf));
        config = next;
        running.values().forEach(n -> n.reload(next));
        drain();
    }

    @Override
    public void advance(Duration duration) {
        long target = now + duration.toNanos();
        while (true) {
            long due = Long.MAX_VALUE;
            for (RefNode n : running.values()) {
                due = Math.min(due, n.lmsDeadline < 0 ? Long.MAX_VALUE : n.lmsDeadline);
                due = Math.min(due, n.deviceDeadline < 0 ? Long.MAX_VALUE : n.deviceDeadline);
            }
            if (due > target) {
                break;
            }
            now = Math.max(now, due);
            for (RefNode n : new ArrayList<>(running.values())) {
                if (n.deviceDeadline >= 0 && n.deviceDeadline <= now) {
                    n.deviceTimer();
                }
                if (n.lmsDeadline >= 0 && n.lmsDeadline <= now) {
                    n.lmsTimer();
                }
            }
            drain();
        }
        now = target;
    }

    @Override
    public boolean settle(Duration timeout) {
        return heldUntil.values().stream().allMatch(t -> t <= now);
    }

    @Override
    public List<NodeSnapshot> snapshot() {
        TreeSet<Long> ids = new TreeSet<>(config.nodeVotes().keySet());
        ids.addAll(running.keySet());
        List<NodeSnapshot> out = new ArrayList<>();
        for (long id : ids) {
            int p = partitionOf.getOrDefault(id, 0);
            RefNode n = running.get(id);
            if (n == null) {
                out.add(new NodeSnapshot(id, p, false, false, "", List.of(), 0, 0, 0, 0, 0));
            } else {
                long[] ring = rings.get(p);
                out.add(new NodeSnapshot(id, p, true, n.quorate, Long.toHexString(ring[0]) + "." + Long.toHexString(ring[1]),
                        n.members(), n.expected(), n.highestExpected(), n.totalVotes(), n.quorum, n.infoFlags()));
            }
        }
        return out;
    }

    /** Whether the node is still waiting for all votes (S3 asks the model, not the engine). */
    public boolean waitingForAll(long nodeId) {
        RefNode n = running.get(nodeId);
        return n != null && n.waitingForAll();
    }

    /** Virtual time in nanoseconds since the start. */
    public long nowNanos() {
        return now;
    }

    @Override
    public void close() {
        running.clear();
    }

    private RefNode requireUp(long id) {
        RefNode n = running.get(id);
        if (n == null) {
            throw new IllegalArgumentException("nodeid " + id + " is not up");
        }
        return n;
    }

    private List<Long> membersOf(int partition) {
        List<Long> m = new ArrayList<>();
        running.keySet().forEach(id -> {
            if (partitionOf.get(id) == partition) {
                m.add(id);
            }
        });
        return m;
    }

    /** Installs a new ring in every partition whose running members changed. */
    private void installViews() {
        TreeSet<Integer> parts = new TreeSet<>(installed.keySet());
        running.keySet().forEach(id -> parts.add(partitionOf.get(id)));
        for (int p : parts) {
            List<Long> m = membersOf(p);
            if (m.equals(installed.getOrDefault(p, List.of()))) {
                continue;
            }
            installed.put(p, m);
            if (m.isEmpty()) {
                heldUntil.remove(p);
                continue;
            }
            long[] ring = rings.computeIfAbsent(p, k -> new long[2]);
            ring[0] = m.get(0);
            ring[1] += 4;
            boolean held = false;
            for (long id : m) {
                held |= running.get(id).syncInit(m, now);
            }
            for (long id : m) {
                running.get(id).syncSend();
            }
            drain();
            for (long id : m) {
                running.get(id).syncActivate();
            }
            if (held) {
                heldUntil.put(p, m.stream().mapToLong(id -> running.get(id).deviceDeadline).max().orElse(now));
            } else {
                heldUntil.remove(p);
            }
        }
    }

    private void send(long sender, RefMessage m) {
        queues.computeIfAbsent(partitionOf.get(sender), k -> new ArrayDeque<>()).add(m);
    }

    private void drain() {
        boolean any = true;
        while (any) {
            any = false;
            for (Map.Entry<Integer, Deque<RefMessage>> q : queues.entrySet()) {
                RefMessage m = q.getValue().poll();
                if (m == null) {
                    continue;
                }
                any = true;
                for (long id : membersOf(q.getKey())) {
                    running.get(id).deliver(m);
                }
            }
        }
    }
}
