package org.quorate.link.real;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quorate.testsupport.lab.Await;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.LabLock;
import org.quorate.testsupport.lab.RealStack;

/**
 * Real corosync 3.1.7 on the link lab's 3 hosts with 2 knet links each ({@link LinkLabConf}), under the lab
 * lock. {@link #open} starts corosync everywhere and waits until every node shows every link connected in
 * {@code corosync-cfgtool -s}. Link cuts are iptables rules on one link's addresses only.
 */
final class RealLinkLab implements AutoCloseable {
    private final LabLock lock;
    private final RealStack stack;
    private final LabCluster cluster;
    private final LinkProfile profile;
    private final Map<Integer, HostShell> shells = new HashMap<>();

    private RealLinkLab(LabLock lock, RealStack stack, LabCluster cluster, LinkProfile profile) {
        this.lock = lock;
        this.stack = stack;
        this.cluster = cluster;
        this.profile = profile;
    }

    static RealLinkLab open(String label, LinkProfile profile) {
        LabLock lock = LabLock.acquire(Duration.ofMinutes(20));
        RealStack stack = null;
        try {
            stack = RealStack.open(label);
            LabCluster cluster = stack.createCluster(LinkLabConf.spec(), stack.commands(), LinkLabConf.render(profile));
            cluster.startCorosync();
            RealLinkLab lab = new RealLinkLab(lock, stack, cluster, profile);
            lab.awaitAllConnected(Duration.ofSeconds(60));
            return lab;
        } catch (RuntimeException e) {
            if (stack != null) {
                System.err.println(stack.diagnostics());
                stack.close();
            }
            lock.close();
            throw e;
        }
    }

    LinkProfile profile() {
        return profile;
    }

    RealStack stack() {
        return stack;
    }

    LabCluster cluster() {
        return cluster;
    }

    /** {@code corosync-cfgtool ARGS} on node {@code node}, through the node's kept-open shell. */
    String cfgtool(int node, String... args) {
        HostShell sh = shells.computeIfAbsent(node, n -> HostShell.open(stack.lab(), cluster.host(n), "cfgshell"));
        return sh.run("corosync-cfgtool " + String.join(" ", args) + " 2>&1");
    }

    void cutLink(int a, int b, int link) {
        cluster.cutLink(a, b, link);
    }

    void uncutLink(int a, int b, int link) {
        cluster.uncutLink(a, b, link);
    }

    /** Waits until {@code corosync-cfgtool -s} on every node shows every other node connected on every link. */
    void awaitAllConnected(Duration timeout) {
        for (int n = 1; n <= LinkLabConf.NODES; n++) {
            int node = n;
            Await.until("all links connected on node " + node, timeout, Duration.ofMillis(100),
                    () -> cfgtool(node, "-s"), RealLinkLab::allConnected, text -> text);
        }
    }

    /** Waits until node {@code observer}'s -s shows {@code peer} on {@code link} as {@code connected}. */
    void awaitLinkState(int observer, int peer, int link, boolean connected, Duration timeout) {
        Await.until("node " + observer + " sees node " + peer + " " + (connected ? "connected" : "disconnected")
                        + " on link " + link, timeout, Duration.ofMillis(20), () -> cfgtool(observer, "-s"),
                text -> CfgtoolText.connected(text, link, peer) == connected, text -> text);
    }

    /**
     * Waits until knet's path-MTU discovery has finished on every link of every node: {@code -n} everywhere shows
     * one MTU above the floor, the same for {@code stable} in a row. Right after start knet shows the floor's data
     * MTU (576 - 28 - its overhead: 469 with aes256/sha256) until its first discovery run for that host.
     */
    void awaitPathMtuSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int stableRounds = 0;
        String last = "";
        while (stableRounds < 5) {
            java.util.Set<Integer> mtus = new java.util.TreeSet<>();
            StringBuilder all = new StringBuilder();
            for (int n = 1; n <= LinkLabConf.NODES; n++) {
                String text = cfgtool(n, "-n");
                all.append(text);
                CfgtoolText.mtus(text).forEach(mtus::add);
            }
            boolean settled = mtus.size() == 1 && mtus.iterator().next() > CfgtoolText.FLOOR_DATA_MTU;
            stableRounds = settled && all.toString().equals(last) ? stableRounds + 1 : settled ? 1 : 0;
            last = all.toString();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("path MTU not settled within " + timeout + ":\n" + last);
            }
            Await.sleep(Duration.ofMillis(200));
        }
    }

    static boolean allConnected(String statusText) {
        List<String> lines = statusText.lines().toList();
        long links = lines.stream().filter(l -> l.startsWith("LINK ID ")).count();
        return links == 2 && lines.stream().filter(l -> l.startsWith("\t\tnodeid:")).noneMatch(l -> l.endsWith("disconnected"));
    }

    String diagnostics() {
        return stack.diagnostics();
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            lock.close();
        }
    }
}
