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
    private final Map<Long, List<Long>> installed = new HashMap<>();
    private final Map<Long, String> ringOf = new HashMap<>();
    private long ringSeq;
    private final Map<Integer, Deque<RefMessage>> queues = new TreeMap<>();
    private long now;
    /** How finely a settle waits for a held sync (the simulator retries a held sync every 10 ms). */
    static final long SETTLE_STEP_NANOS = 10_000_000L;

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
        activateReleasedRings();
    }

    @Override
    public void qdeviceOff(List<Long> nodeIds) {
        nodeIds.stream().filter(running::containsKey).forEach(id -> running.get(id).deviceOff(now));
        drain();
        activateReleasedRings();
    }

    @Override
    public void qdevicePolls(List<Long> nodeIds, boolean castVote) {
        nodeIds.stream().filter(running::containsKey).forEach(id -> running.get(id).devicePolls(castVote, now));
        drain();
        activateReleasedRings();
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
            activateReleasedRings();
        }
        now = target;
    }

    /**
     * A sync held for a device's poll keeps the cluster unsettled until the device timer releases it; the
     * wait lets virtual time pass, in steps of {@link #SETTLE_STEP_NANOS} as the simulator's settle does,
     * at most {@code timeout}.
     */
    @Override
    public boolean settle(Duration timeout) {
        long release = running.values().stream().filter(RefNode::holdsSync).mapToLong(n -> n.deviceDeadline)
                .max().orElse(now);
        if (release <= now) {
            return true;
        }
        long wait = release - now;
        long stepped = (wait + SETTLE_STEP_NANOS - 1) / SETTLE_STEP_NANOS * SETTLE_STEP_NANOS;
        if (stepped <= timeout.toNanos()) {
            advance(Duration.ofNanos(stepped));
            return true;
        }
        advance(timeout);
        return false;
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
                out.add(new NodeSnapshot(id, p, true, n.quorate, ringOf.get(id),
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

    /**
     * Installs a new ring in every partition whose running members changed. A partition is known by its
     * members, not by vqsim's number: renumbering an unchanged group of nodes is no membership change.
     *
     * <p>Every changed partition gets its ring before any ring is considered for activation: a ring that
     * one of its members left is replaced for all of them at once (the others' partition changed too), so
     * it is aborted, never activated for those that remain (corosync's sync_abort; the group layer retires it).
     */
    private void installViews() {
        TreeSet<Integer> parts = new TreeSet<>();
        running.keySet().forEach(id -> parts.add(partitionOf.get(id)));
        List<List<Long>> changed = new ArrayList<>();
        for (int p : parts) {
            List<Long> m = membersOf(p);
            if (!m.stream().allMatch(id -> m.equals(installed.get(id)))) {
                changed.add(m);
            }
        }
        for (List<Long> m : changed) {
            m.forEach(id -> installed.put(id, m));
            ringSeq += 4;
            String ring = Long.toHexString(m.get(0)) + "." + Long.toHexString(ringSeq);
            m.forEach(id -> ringOf.put(id, ring));
        }
        installed.keySet().retainAll(running.keySet());
        for (List<Long> m : changed) {
            for (long id : m) {
                running.get(id).syncInit(m, now);
            }
            for (long id : m) {
                running.get(id).syncSend();
            }
            drain();
            // votequorum_sync_activate runs once every member's sync is done: not while a device holds it
            m.forEach(id -> running.get(id).activationPending = true);
        }
        activateReleasedRings();
    }

    /**
     * Runs syncActivate for every ring whose sync no member holds any longer. A ring's members are the
     * nodes whose current ring it is: a node that has moved on belongs to its new ring only.
     */
    private void activateReleasedRings() {
        for (List<Long> ring : new java.util.LinkedHashSet<>(installed.values())) {
            List<RefNode> members = new ArrayList<>();
            for (long id : ring) {
                if (running.containsKey(id) && ring.equals(installed.get(id))) {
                    members.add(running.get(id));
                }
            }
            boolean pending = members.stream().anyMatch(n -> n.activationPending);
            boolean held = members.stream().anyMatch(RefNode::holdsSync);
            if (pending && !held) {
                for (RefNode n : members) {
                    if (n.activationPending) {
                        n.activationPending = false;
                        n.syncActivate();
                    }
                }
                drain();
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
