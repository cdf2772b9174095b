package org.quorate.vqsim.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.group.GroupLayer;
import org.quorate.time.VirtualScheduler;
import org.quorate.votequorum.CsError;
import org.quorate.votequorum.Effect;
import org.quorate.votequorum.Votequorum;
import org.quorate.votequorum.VotequorumConfigException;
import org.quorate.votequorum.VotequorumInfo;
import org.quorate.votequorum.service.VotequorumListener;
import org.quorate.votequorum.service.VotequorumService;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;

/**
 * The simulator: Quorate's votequorum on every node of a corosync.conf, joined by the in-memory
 * {@link SimGroupNetwork}, under a {@link VirtualScheduler}. Every command runs what falls due at the current
 * virtual instant before it returns, so a command's messages and syncs are done when it returns unless a device
 * holds a sync; {@link #advance} lets virtual time pass (timers: device timeouts, the last_man_standing window).
 *
 * <p>Differences from corosync-vqsim, by design: a node starting into a partition joins its ring directly
 * (vqsim first runs a one-node ring); a device polls on every node-list notification with that ring id and at
 * once after it registered (see {@link SimDevice}); {@code down} is a kill (no LEAVING message). As in vqsim, a
 * node the nodelist lacks can be started and takes the first entry's votes.
 */
public final class SimCluster implements ClusterDriver {
    private static final Pattern NODEID_KEY = Pattern.compile("nodelist\\.node\\.(\\d+)\\.nodeid");
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private final VirtualScheduler scheduler;
    private final SimGroupNetwork network;
    private final Function<Path, Map<String, String>> confReader;
    private final Map<Long, SimNode> nodes = new TreeMap<>();
    private final Map<Long, Long> evTrackingFiles = new HashMap<>();
    private Map<String, String> cmap;
    private java.util.function.BiConsumer<Long, Effect.Log> logSink = (id, line) -> { };

    /** A simulator with no delivery jitter. */
    public SimCluster(Map<String, String> cmap, Function<Path, Map<String, String>> confReader) {
        this(cmap, confReader, 0, 0);
    }

    /**
     * @param cmap the flattened corosync.conf every node starts with
     * @param confReader reads a corosync.conf into cmap keys, for {@link #reload}
     * @param seed seeds the delivery jitter
     * @param jitterMs each delivery round waits a random 0..jitterMs virtual ms (0: none)
     */
    public SimCluster(Map<String, String> cmap, Function<Path, Map<String, String>> confReader, long seed,
            int jitterMs) {
        this.cmap = Map.copyOf(cmap);
        this.confReader = Objects.requireNonNull(confReader, "confReader");
        this.scheduler = new VirtualScheduler();
        this.network = new SimGroupNetwork(scheduler, seed, jitterMs);
        for (long id : nodeIds(cmap)) {
            nodes.put(id, new SimNode(id));
        }
    }

    /** Where the nodes' votequorum log lines go (node id, line); nowhere by default. */
    public void onLog(java.util.function.BiConsumer<Long, Effect.Log> sink) {
        logSink = Objects.requireNonNull(sink, "sink");
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /** The cmap keys the nodes run with now. */
    public Map<String, String> cmap() {
        return cmap;
    }

    @Override
    public List<Long> configuredNodes() {
        return List.copyOf(nodeIds(cmap));
    }

    /**
     * {@inheritDoc} A node votequorum refuses to start on (corosync's configuration errors) stays down and the
     * call throws {@link VotequorumConfigException} with corosync's message; the nodes listed before it run.
     */
    @Override
    public void up(int partition, List<Long> nodeIds) {
        for (long id : nodeIds) {
            // vqsim starts a node the nodelist lacks, with the first entry's votes
            SimNode n = nodes.computeIfAbsent(NodeIds.check(id), SimNode::new);
            if (n.running()) {
                continue;
            }
            n.partition = partition;
            n.start();
        }
        regroup();
    }

    @Override
    public void down(List<Long> nodeIds) {
        for (long id : nodeIds) {
            SimNode n = node(id);
            if (n.running()) {
                n.kill();
            }
        }
        regroup();
    }

    @Override
    public void move(Map<Integer, List<Long>> nodesByPartition) {
        nodesByPartition.forEach((p, ids) -> ids.forEach(id -> node(id).partition = p));
        regroup();
    }

    @Override
    public void join(List<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        int into = partitions.get(0);
        for (SimNode n : nodes.values()) {
            if (partitions.contains(n.partition)) {
                n.partition = into;
            }
        }
        regroup();
    }

    @Override
    public void qdeviceOn(List<Long> nodeIds) {
        forRunning(nodeIds, n -> n.device.poll(true));
    }

    @Override
    public void qdeviceOff(List<Long> nodeIds) {
        forRunning(nodeIds, n -> n.device.off());
    }

    @Override
    public void qdevicePolls(List<Long> nodeIds, boolean castVote) {
        forRunning(nodeIds, n -> n.device.poll(castVote));
    }

    @Override
    public String setExpected(long nodeId, long expectedVotes) {
        if (expectedVotes < 1 || expectedVotes > INT_MAX) {
            return "New expected votes value was not valid, try a positive number";
        }
        String refusal = toolRefusal(nodeId, "You cannot change expected votes, corosync is not using votequorum");
        if (refusal != null) {
            return refusal;
        }
        CsError e = node(nodeId).service.setExpected(expectedVotes);
        scheduler.runDue();
        return e.ok() ? null : "Unable to set expected votes: " + e.text();
    }

    @Override
    public String setVotes(long nodeId, long targetNodeId, long votes) {
        if (votes < 0 || votes > INT_MAX) {
            return "New votes value was not valid, try a positive number or zero";
        }
        if (targetNodeId < 1 || targetNodeId > UINT_MAX) {
            return "The nodeid was not valid, try a positive number";
        }
        String refusal = toolRefusal(nodeId, "You cannot change node votes, corosync is not using votequorum");
        if (refusal != null) {
            return refusal;
        }
        CsError e = node(nodeId).service.setVotes(targetNodeId, votes);
        scheduler.runDue();
        return e.ok() ? null : "Unable to set votes " + votes + " for nodeid: " + targetNodeId + ": " + e.text();
    }

    /** What corosync-quorumtool says before it asks votequorum: no daemon to talk to, or no votequorum. */
    private String toolRefusal(long nodeId, String notVotequorum) {
        SimNode n = nodes.get(nodeId);
        if (n == null || !n.running()) {
            return "Cannot initialize CMAP service";
        }
        if (!"corosync_votequorum".equals(n.service.core().cmap().get("quorum.provider"))) {
            return notVotequorum;
        }
        return null;
    }

    @Override
    public void reload(Path corosyncConf) {
        reload(confReader.apply(corosyncConf));
    }

    /** {@link #reload(Path)} with the keys already read. */
    public void reload(Map<String, String> newCmap) {
        cmap = Map.copyOf(newCmap);
        for (long id : nodeIds(cmap)) {
            nodes.computeIfAbsent(id, SimNode::new);
        }
        for (SimNode n : nodes.values()) {
            if (n.running()) {
                n.service.reload(cmap);
            }
        }
        scheduler.runDue();
    }

    /** Sets {@code quorum.cancel_wait_for_all} on {@code nodeId}. */
    public void cancelWaitForAll(long nodeId) {
        SimNode n = node(nodeId);
        if (n.running()) {
            n.service.cancelWaitForAll();
            scheduler.runDue();
        }
    }

    /** A clean stop of {@code nodeId} ({@code corosync-cfgtool -H}): with allow_downscale it announces its leave. */
    public void shutdown(long nodeId) {
        SimNode n = node(nodeId);
        if (n.running()) {
            n.service.shutdown();
            scheduler.runDue();
            n.kill();
            regroup();
        }
    }

    @Override
    public void advance(Duration duration) {
        scheduler.advance(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean settle(Duration timeout) {
        long deadline = scheduler.nanoTime() + timeout.toNanos();
        while (true) {
            scheduler.runDue();
            if (network.quiet()) {
                return true;
            }
            long left = deadline - scheduler.nanoTime();
            if (left <= 0) {
                return false;
            }
            scheduler.advance(Math.min(left, TimeUnit.MILLISECONDS.toNanos(SimGroupNetwork.SYNC_RETRY_MS)),
                    TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public List<NodeSnapshot> snapshot() {
        List<NodeSnapshot> out = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            out.add(n.snapshot());
        }
        return out;
    }

    /** The votequorum service of a running node, for status output and tests; null when it is down. */
    public VotequorumService service(long nodeId) {
        SimNode n = nodes.get(nodeId);
        return n == null ? null : n.service;
    }

    /** The partition {@code nodeId} is in (down nodes keep theirs). */
    public int partitionOf(long nodeId) {
        return node(nodeId).partition;
    }

    /** Whether the device of {@code nodeId} is registered. */
    public boolean deviceRegistered(long nodeId) {
        SimNode n = nodes.get(nodeId);
        return n != null && n.running() && n.device.registered();
    }

    @Override
    public void close() {
        for (SimNode n : nodes.values()) {
            if (n.running()) {
                n.kill();
            }
        }
    }

    private void regroup() {
        Map<Integer, List<Long>> byPartition = new TreeMap<>();
        for (SimNode n : nodes.values()) {
            if (n.running()) {
                byPartition.computeIfAbsent(n.partition, p -> new ArrayList<>()).add(n.nodeId);
            }
        }
        network.setPartitions(byPartition.values());
        scheduler.runDue();
    }

    private void forRunning(List<Long> nodeIds, java.util.function.Consumer<SimNode> action) {
        for (long id : nodeIds) {
            SimNode n = node(id);
            if (n.running()) {
                action.accept(n);
            }
        }
        scheduler.runDue();
    }

    private SimNode node(long nodeId) {
        SimNode n = nodes.get(nodeId);
        if (n == null) {
            throw new IllegalArgumentException("node " + nodeId + " is not in the nodelist");
        }
        return n;
    }

    private static TreeSet<Long> nodeIds(Map<String, String> cmap) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Map.Entry<String, String> e : cmap.entrySet()) {
            Matcher m = NODEID_KEY.matcher(e.getKey());
            if (m.matches()) {
                ids.add(Long.parseLong(e.getValue().trim()));
            }
        }
        return ids;
    }

    /** One node: its partition, and while it runs its votequorum and device. */
    private final class SimNode implements VotequorumListener {
        final long nodeId;
        int partition;
        VotequorumService service;
        SimDevice device;

        SimNode(long nodeId) {
            this.nodeId = nodeId;
        }

        boolean running() {
            return service != null;
        }

        void start() {
            Long stored = evTrackingFiles.get(nodeId);
            Votequorum core = Votequorum.start(cmap, nodeId,
                    stored == null ? OptionalLong.empty() : OptionalLong.of(stored), true);
            GroupLayer layer = network.attach(nodeId);
            service = new VotequorumService(core, layer, scheduler, this);
            network.bind(nodeId, service);
            device = new SimDevice(service, scheduler);
        }

        void kill() {
            device.stop();
            service.close();
            network.detach(nodeId);
            service = null;
            device = null;
        }

        @Override
        public void nodeListNotification(Effect.NodeListNotification notification) {
            if (device != null) {
                device.nodeList(notification.ringId());
            }
        }

        @Override
        public void log(long id, Effect.Log line) {
            logSink.accept(id, line);
        }

        @Override
        public void createEvTrackingFile(long barrier) {
            evTrackingFiles.put(nodeId, barrier);
        }

        NodeSnapshot snapshot() {
            if (!running()) {
                return new NodeSnapshot(nodeId, partition, false, false, "", List.of(), 0, 0, 0, 0, 0);
            }
            Votequorum core = service.core();
            VotequorumInfo info = core.getInfo(0).orElseThrow();
            return new NodeSnapshot(nodeId, partition, true, core.quorate(), core.ringId().toHex(), core.members(),
                    info.expectedVotes(), info.highestExpected(), info.totalVotes(), info.quorum(), info.flags());
        }
    }
}
