package org.quorate.testsupport.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One corosync cluster of a {@link RealStack}: nodes are numbered 1..N and live on hosts cCn1..cCnN.
 * Daemons are named "corosync" and "qdevice" on each node host.
 */
public final class LabCluster {
    public static final String COROSYNC = "corosync";
    public static final String QDEVICE = "qdevice";

    private final NetnsLab lab;
    private final StackCommands commands;
    private final ClusterSpec spec;

    private LabCluster(NetnsLab lab, StackCommands commands, ClusterSpec spec) {
        this.lab = lab;
        this.commands = commands;
        this.spec = spec;
    }

    static LabCluster create(NetnsLab lab, StackCommands commands, ClusterSpec spec) {
        return create(lab, commands, spec, CorosyncConf.render(spec, LabAddresses.QNETD, LabAddresses.QNETD_PORT));
    }

    /** Like {@link #create(NetnsLab, StackCommands, ClusterSpec)} with a corosync.conf written elsewhere. */
    static LabCluster create(NetnsLab lab, StackCommands commands, ClusterSpec spec, String conf) {
        byte[] authkey = new byte[256]; // what corosync-keygen -k writes
        new SecureRandom().nextBytes(authkey);
        for (int i = 1; i <= spec.nodes(); i++) {
            String[] addrs = new String[spec.links()];
            for (int link = 0; link < spec.links(); link++) {
                addrs[link] = LabAddresses.node(spec.id(), i, link);
            }
            LabHost h = lab.addHost(spec.hostOf(i), addrs);
            Commands.write(h.etc().resolve("corosync.conf"), conf);
            writeKey(h.etc().resolve("authkey"), authkey);
        }
        lab.event("cluster " + spec.name() + " created: " + spec);
        return new LabCluster(lab, commands, spec);
    }

    private static void writeKey(Path file, byte[] key) {
        try {
            Files.write(file, key);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write authkey " + file, e);
        }
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** Host name of node {@code i}. */
    public String host(int node) {
        checkNode(node);
        return spec.hostOf(node);
    }

    public List<String> hosts() {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= spec.nodes(); i++) {
            all.add(spec.hostOf(i));
        }
        return all;
    }

    /** The generated corosync.conf (same on every node). */
    public Path corosyncConf(int node) {
        return lab.host(host(node)).etc().resolve("corosync.conf");
    }

    // ------------------------------------------------------------------ daemons

    /** corosync on every node, waits until each answers IPC, then qdevice on every node (if configured). */
    public void start() {
        startCorosync();
        if (spec.hasQdevice()) {
            for (int i = 1; i <= spec.nodes(); i++) {
                startQdevice(i);
            }
        }
    }

    /**
     * corosync on every node, waits until each answers IPC; no qdevice, so a test can be the device client
     * itself (the quorum device section of corosync.conf is still written and read).
     */
    public void startCorosync() {
        for (int i = 1; i <= spec.nodes(); i++) {
            startCorosync(i);
        }
        for (int i = 1; i <= spec.nodes(); i++) {
            awaitCorosyncIpc(i, Duration.ofSeconds(30));
        }
    }

    public DaemonProcess startCorosync(int node) {
        return lab.start(host(node), COROSYNC, commands.corosync());
    }

    /** qdevice must start after corosync answers IPC (it exits if it cannot reach cmap/votequorum). */
    public DaemonProcess startQdevice(int node) {
        return lab.start(host(node), QDEVICE, commands.qdeviceArgv());
    }

    /** Waits until {@code corosync-cmapctl -g totem.cluster_name} answers on the node. */
    public void awaitCorosyncIpc(int node, Duration timeout) {
        Await.until("corosync IPC on " + host(node), timeout, Duration.ofMillis(100),
                () -> {
                    if (lab.daemon(host(node), COROSYNC).isEmpty()) {
                        throw new IllegalStateException("corosync on " + host(node) + " is not running:\n"
                                + lab.diagnostics(20));
                    }
                    return lab.exec(host(node), Duration.ofSeconds(10),
                            List.of("corosync-cmapctl", "-g", "totem.cluster_name"));
                }, ExecResult::ok, ExecResult::describe);
    }

    /** Signals a daemon ("corosync" or "qdevice") of a node; returns its exit status or -1 if not running. */
    public int kill(int node, String daemon, String signal) {
        return lab.kill(host(node), daemon, signal);
    }

    // ------------------------------------------------------------------ observers

    /** {@code corosync-quorumtool -s} on the node, parsed. */
    public QuorumStatus quorum(int node) {
        ExecResult r = quorumTool(node);
        return r.timedOut() ? QuorumStatus.unavailable("timed out")
                : QuorumStatus.parse(r.stdout().isBlank() ? r.stderr() : r.stdout());
    }

    /** {@code corosync-quorumtool -s} raw (exit 0 quorate, 2 not quorate, 1 error). */
    public ExecResult quorumTool(int node) {
        return lab.exec(host(node), Duration.ofSeconds(15), List.of("corosync-quorumtool", "-s"));
    }

    /** {@code corosync-qdevice-tool ARGS} on the node; no args means {@code -s -v}. */
    public ExecResult qdeviceTool(int node, String... args) {
        List<String> a = args.length == 0 ? List.of("-s", "-v") : List.of(args);
        return lab.exec(host(node), Duration.ofSeconds(15), Commands.concat(List.of("corosync-qdevice-tool"), a));
    }

    /** Every node's current quorum state. */
    public Map<Integer, QuorumStatus> quorumAll() {
        Map<Integer, QuorumStatus> all = new LinkedHashMap<>();
        for (int i = 1; i <= spec.nodes(); i++) {
            all.put(i, quorum(i));
        }
        return all;
    }

    /**
     * Waits until every node is quorate, shows flag Qdevice with the qdevice vote counted, and lists all N
     * members as {@code A,V}. Returns the final states.
     */
    public Map<Integer, QuorumStatus> awaitQuorateWithQdevice(Duration timeout) {
        return awaitAll("all " + spec.nodes() + " nodes of " + spec.name() + " quorate with the qdevice vote",
                timeout, s -> s.quorateWithQdevice(spec.nodes()));
    }

    /** Waits until every node's state satisfies {@code condition}. */
    public Map<Integer, QuorumStatus> awaitAll(String what, Duration timeout, Predicate<QuorumStatus> condition) {
        return Await.until(what, timeout, Duration.ofMillis(200), this::quorumAll,
                all -> all.values().stream().allMatch(condition), LabCluster::describe);
    }

    /** Waits until node {@code node}'s state satisfies {@code condition}. */
    public QuorumStatus awaitNode(int node, String what, Duration timeout, Predicate<QuorumStatus> condition) {
        return Await.until(what + " on " + host(node), timeout, Duration.ofMillis(100), () -> quorum(node), condition,
                QuorumStatus::compact);
    }

    /** Starts a background {@link QuorumSampler} on every node; close it (or the lab) when done. */
    public QuorumSampler sampler() {
        return QuorumSampler.start(lab, hosts());
    }

    private static String describe(Map<Integer, QuorumStatus> all) {
        StringBuilder sb = new StringBuilder();
        all.forEach((i, s) -> sb.append("  node ").append(i).append(": ").append(s.compact()).append('\n'));
        return sb.toString();
    }

    // ------------------------------------------------------------------ faults (node numbers)

    public void cut(int a, int b) {
        lab.cut(host(a), host(b));
    }

    /** Drops the traffic between two nodes on knet link {@code link} only (both ways); the other link stays. */
    public void cutLink(int a, int b, int link) {
        lab.cutLink(host(a), host(b), link);
    }

    public void uncutLink(int a, int b, int link) {
        lab.uncutLink(host(a), host(b), link);
    }

    /** Drops what node {@code from} sends to node {@code to}; the other direction keeps working. */
    public void cutOneWay(int from, int to) {
        lab.cutOneWay(host(from), host(to));
    }

    public void heal() {
        lab.heal(hosts().toArray(String[]::new));
    }

    /** All links of the node down: it loses its peers and qnetd at once. */
    public void networkDown(int node) {
        lab.networkDown(host(node));
    }

    public void networkUp(int node) {
        lab.networkUp(host(node));
    }

    private void checkNode(int node) {
        if (node < 1 || node > spec.nodes()) {
            throw new IllegalArgumentException("node must be 1.." + spec.nodes() + ", was " + node);
        }
    }
}
