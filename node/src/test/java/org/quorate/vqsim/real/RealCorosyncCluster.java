package org.quorate.vqsim.real;

import org.quorate.testsupport.lab.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.ExecResult;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.QdeviceAlgorithm;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.TlsMode;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;

/**
 * {@link ClusterDriver} over real corosync 3.1.7: node I of the nodelist is lab host cCnI (198.18.C.I) in
 * a network namespace of a {@link RealStack}. up = start corosync (after cutting the node off the nodes of
 * other partitions), down = SIGKILL (corosync and its qdevice), move/join = cut and uncut pairs with
 * iptables, setExpected/setVotes = corosync-quorumtool, reload = new file on every host +
 * {@code corosync-cfgtool -R} in every partition, advance = sleep, settle = poll {@code corosync-quorumtool -s}
 * until every partition's running nodes show exactly that partition as one ring and nothing changes for a
 * while. qdevice on/off start and SIGKILL the C corosync-qdevice against the lab's C corosync-qnetd: the
 * vote is qnetd's, so {@link #qdevicePolls} cannot be honoured here.
 */
final class RealCorosyncCluster implements ClusterDriver {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int ALIVE = 128;

    private final RealStack stack;
    private final LabCluster cluster;
    private final List<Long> configured;
    private final Partitions partitions;
    private final Set<Long> running = new TreeSet<>();
    /** Nodes whose qdevice was killed and whose votequorum has not yet timed the device out. */
    private final Set<Long> devicesDying = new TreeSet<>();
    private final Duration stableFor;
    private Set<Partitions.Pair> cut = Set.of();

    private RealCorosyncCluster(RealStack stack, LabCluster cluster, List<Long> configured, Partitions partitions,
                                Duration stableFor) {
        this.stack = stack;
        this.cluster = cluster;
        this.configured = configured;
        this.partitions = partitions;
        this.stableFor = stableFor;
    }

    /**
     * Creates the hosts (none started). {@code clusterId} picks the addresses 198.18.C.I; the conf must use
     * them, nodeids 1..N; {@code hosts} is the highest node id any file of the scenario names (a reload may
     * add nodes, whose hosts must exist from the start).
     */
    static RealCorosyncCluster create(String label, int clusterId, String conf, int hosts) {
        ConfFacts facts = ConfFacts.of(label, conf);
        if (facts.nodeIds().get(0) < 1 || facts.nodeIds().get(facts.nodeIds().size() - 1) > hosts) {
            throw new IllegalArgumentException(label + ": node ids must lie in 1.." + hosts + ", are " + facts.nodeIds());
        }
        RealStack stack = RealStack.open("vqd-" + label);
        try {
            ClusterSpec spec = ClusterSpec.builder(clusterId, hosts).name(facts.clusterName())
                    .algorithm(facts.device() ? QdeviceAlgorithm.FFSPLIT : QdeviceAlgorithm.NONE).build();
            if (facts.device()) {
                stack.startQnetd(TlsMode.ON);
            }
            LabCluster cluster = stack.createCluster(spec, stack.commands(), conf);
            List<Long> all = new ArrayList<>();
            for (long i = 1; i <= hosts; i++) {
                all.add(i);
            }
            // a device's vote can follow a membership change later than the ring: wait longer for calm
            Duration stable = facts.device() ? Duration.ofMillis(3500) : Duration.ofMillis(2000);
            return new RealCorosyncCluster(stack, cluster, facts.nodeIds(), new Partitions(all), stable);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    RealStack stack() {
        return stack;
    }

    @Override
    public List<Long> configuredNodes() {
        return configured;
    }

    @Override
    public void up(int partition, List<Long> nodeIds) {
        for (long n : nodeIds) {
            if (running.contains(n)) {
                throw new IllegalStateException("node " + n + " is already up");
            }
            partitions.place(n, partition);
        }
        applyCuts();
        for (long n : nodeIds) {
            cluster.startCorosync(node(n));
            running.add(n);
        }
    }

    @Override
    public void down(List<Long> nodeIds) {
        for (long n : nodeIds) {
            cluster.kill(node(n), LabCluster.QDEVICE, "KILL");
            cluster.kill(node(n), LabCluster.COROSYNC, "KILL");
            running.remove(n);
            devicesDying.remove(n);
        }
    }

    @Override
    public void move(Map<Integer, List<Long>> nodesByPartition) {
        nodesByPartition.forEach((p, nodes) -> nodes.forEach(n -> partitions.place(n, p)));
        applyCuts();
    }

    @Override
    public void join(List<Integer> toJoin) {
        partitions.join(toJoin);
        applyCuts();
    }

    /** New cuts first, then the healed pairs: a node never hears a peer it should not, even in between. */
    private void applyCuts() {
        Set<Partitions.Pair> wanted = partitions.cuts();
        for (Partitions.Pair p : wanted) {
            if (!cut.contains(p)) {
                stack.lab().cut(host(p.low()), host(p.high()));
            }
        }
        for (Partitions.Pair p : cut) {
            if (!wanted.contains(p)) {
                stack.lab().uncut(host(p.low()), host(p.high()));
            }
        }
        cut = wanted;
    }

    @Override
    public void qdeviceOn(List<Long> nodeIds) {
        for (long n : nodeIds) {
            if (running.contains(n) && stack.lab().daemon(host(n), LabCluster.QDEVICE).isEmpty()) {
                cluster.startQdevice(node(n));
            }
        }
    }

    /**
     * SIGKILL: the device stays registered in votequorum and is timed out ({@code quorum.device.timeout}
     * after its last poll), as after vqsim's {@code qdevice off}; {@link #settle} waits for that timeout
     * (SIGTERM would unregister it instead, which vqsim's command never does).
     */
    @Override
    public void qdeviceOff(List<Long> nodeIds) {
        for (long n : nodeIds) {
            if (cluster.kill(node(n), LabCluster.QDEVICE, "KILL") >= 0) {
                devicesDying.add(n);
            }
        }
    }

    @Override
    public void qdevicePolls(List<Long> nodeIds, boolean castVote) {
        throw new UnsupportedOperationException("real corosync-qdevice votes as corosync-qnetd decides");
    }

    @Override
    public String setExpected(long nodeId, long expectedVotes) {
        return refusal(tool(nodeId, "corosync-quorumtool", "-e", Long.toString(expectedVotes)));
    }

    @Override
    public String setVotes(long nodeId, long targetNodeId, long votes) {
        return refusal(tool(nodeId, "corosync-quorumtool", "-v", Long.toString(votes), "-n", Long.toString(targetNodeId)));
    }

    /** Writes the file on every host (also stopped ones: they start with it), then reloads each partition. */
    @Override
    public void reload(Path corosyncConf) {
        String text;
        try {
            text = Files.readString(corosyncConf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reload file " + corosyncConf, e);
        }
        for (long n : partitions.members().values().stream().flatMap(Set::stream).toList()) {
            writeAtomically(cluster.corosyncConf(node(n)), text);
        }
        for (Set<Long> members : partitions.members().values()) {
            members.stream().filter(running::contains).findFirst().ifPresent(n -> {
                ExecResult r = tool(n, "corosync-cfgtool", "-R");
                if (!r.ok()) {
                    throw new IllegalStateException("reload of " + corosyncConf + " refused: " + r.describe());
                }
            });
        }
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void advance(Duration duration) {
        Await.sleep(duration);
    }

    /**
     * Done when, for every partition, each running node answers, lists exactly the running nodes of its
     * partition as members, all show one ring id, and no node's snapshot has changed for {@code stableFor}.
     */
    @Override
    public boolean settle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<NodeSnapshot> last = null;
        long calmSince = 0;
        while (System.nanoTime() < deadline) {
            List<NodeSnapshot> now = snapshot();
            long t = System.nanoTime();
            if (!now.equals(last)) {
                last = now;
                calmSince = t;
            } else if (formed(now) && t - calmSince >= stableFor.toNanos()) {
                return true;
            }
            Await.sleep(POLL);
        }
        return false;
    }

    private boolean formed(List<NodeSnapshot> nodes) {
        for (NodeSnapshot s : nodes) {
            if (devicesDying.contains(s.nodeId()) && s.up() && (s.flags() & ALIVE) != 0) {
                return false; // votequorum has not yet timed the killed device out
            }
        }
        devicesDying.clear();
        for (Set<Long> members : partitions.members().values()) {
            List<Long> live = members.stream().filter(running::contains).toList();
            String ring = null;
            for (NodeSnapshot s : nodes) {
                if (!live.contains(s.nodeId())) {
                    continue;
                }
                if (s.ring().isEmpty() || !s.members().equals(live) || (ring != null && !ring.equals(s.ring()))) {
                    return false;
                }
                ring = s.ring();
            }
        }
        return true;
    }

    @Override
    public List<NodeSnapshot> snapshot() {
        List<NodeSnapshot> all = new ArrayList<>();
        for (long n : partitions.members().values().stream().flatMap(Set::stream).sorted().toList()) {
            int p = partitions.partitionOf(n);
            if (!running.contains(n)) {
                all.add(QuorumToolSnapshot.down(n, p));
                continue;
            }
            if (stack.lab().daemon(host(n), LabCluster.COROSYNC).isEmpty()) {
                throw new IllegalStateException("corosync on node " + n + " exited by itself:\n" + stack.diagnostics());
            }
            QuorumStatus s = cluster.quorum(node(n));
            all.add(QuorumToolSnapshot.of(n, p, s));
        }
        return all;
    }

    /** Raw {@code corosync-quorumtool -s} of a running node, for reports. */
    String statusText(long nodeId) {
        ExecResult r = cluster.quorumTool(node(nodeId));
        return r.stdout().isBlank() ? r.stderr() : r.stdout();
    }

    private ExecResult tool(long nodeId, String... argv) {
        if (!running.contains(nodeId)) {
            throw new IllegalStateException("node " + nodeId + " is not running");
        }
        return stack.lab().exec(host(nodeId), Duration.ofSeconds(20), List.of(argv));
    }

    private static String refusal(ExecResult r) {
        if (r.ok()) {
            return null;
        }
        String text = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
        return text.isEmpty() ? "exit " + r.exitCode() : text;
    }

    private String host(long node) {
        return cluster.host(node(node));
    }

    private static int node(long id) {
        return Math.toIntExact(id);
    }


    @Override
    public void close() {
        stack.close();
    }
}
