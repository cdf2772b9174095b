package org.quorate.qdevice.interop;

import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.DaemonProcess;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.QuorumSampler;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.StackCommands;
import org.quorate.testsupport.lab.TlsMode;
import org.quorate.testsupport.lab.Topology;
import org.quorate.testsupport.lab.Topology.QnetdOutage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

/**
 * One differential run: in one lab, against one qnetd, cluster 1 runs the C corosync-qdevice (the reference)
 * and cluster 2 Quorate's, both of the same {@link Topology}. Every scenario strikes both clusters at the same
 * moment, waits until both have settled, and records a {@link ScenarioOutcome} per cluster; recovery between
 * scenarios is awaited (and timed) but not compared. Running both side by side halves the wall time and
 * exposes them to the same load and the same qnetd.
 */
final class DifferentialRun {
    static final String REFERENCE = "C qdevice";
    static final String QUORATE = "Quorate qdevice";
    /** The file whose presence makes the heuristics exec fail on a node (/etc/corosync is per host). */
    static final String HEURISTICS_FAIL_FILE = "heuristics-fail";
    /** A scenario has settled once no node changed state for this long (qnetd decides within ~100 ms of the last node list). */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    private final RealStack stack;
    private final Topology topology;
    private final String qnetdLabel;
    private final List<ClusterWatch> watches = new ArrayList<>();
    private final StringBuilder transcript = new StringBuilder();
    private final DifferentialReport report;
    private QuorumSampler sampler;
    private long samplerStarted;

    DifferentialRun(RealStack stack, Topology topology, String qnetdLabel, DifferentialReport report) {
        this.stack = stack;
        this.topology = topology;
        this.qnetdLabel = qnetdLabel;
        this.report = report;
    }

    ClusterWatch reference() {
        return watches.get(0);
    }

    ClusterWatch quorate() {
        return watches.get(1);
    }

    String transcript() {
        return transcript.toString();
    }

    /**
     * Cluster {@code id} of this shape. Heuristics run at connect and on every membership change (mode sync):
     * one exec that fails while the node has {@link #HEURISTICS_FAIL_FILE}, so the test flips a node's
     * result by creating a file, before the split that makes the membership change.
     */
    static ClusterSpec spec(Topology topology, int id) {
        return topology.specBuilder(id).heuristicsMode("sync")
                .heuristicsExec("check", "/usr/bin/test ! -e /etc/corosync/" + HEURISTICS_FAIL_FILE)
                .build();
    }

    /** Creates and starts both clusters (reference first) and waits until both are quorate with the vote. */
    void start(StackCommands quorateQdevice) {
        LabCluster c = stack.createCluster(spec(topology, 1));
        LabCluster q = stack.createCluster(spec(topology, 2), quorateQdevice);
        c.start();
        q.start();
        c.awaitQuorateWithQdevice(RECOVERY);
        q.awaitQuorateWithQdevice(RECOVERY);
        List<String> hosts = new ArrayList<>(c.hosts());
        hosts.addAll(q.hosts());
        sampler = stack.sample(hosts);
        samplerStarted = System.nanoTime();
        watches.add(new ClusterWatch(REFERENCE, c, sampler, stack.lab()));
        watches.add(new ClusterWatch(QUORATE, q, sampler, stack.lab()));
        long t0 = System.nanoTime();
        record("start", t0, allNodes(), w -> "");
    }

    // ------------------------------------------------------------------ scenarios

    /** SIGKILL the highest node's corosync; the rest must carry on. Then restart it and its qdevice. */
    void killNode() {
        int k = topology.killed();
        List<Integer> survivors = allNodes().stream().filter(n -> n != k).toList();
        long t0 = strike("kill -KILL corosync on node " + k, w -> w.cluster.kill(k, LabCluster.COROSYNC, "KILL"));
        settle(Duration.ofSeconds(40), survivors, (n, s) -> s.available() && s.members().size() == survivors.size());
        record("kill node " + k, t0, survivors, w -> qdeviceFate(w, k));
        for (ClusterWatch w : watches) {
            w.cluster.startCorosync(k);
        }
        for (ClusterWatch w : watches) {
            w.cluster.awaitCorosyncIpc(k, Duration.ofSeconds(30));
            w.cluster.kill(k, LabCluster.QDEVICE, "TERM"); // only if it outlived its corosync (recorded above)
            w.cluster.startQdevice(k);
        }
        awaitAllQuorate("node " + k + " back");
    }

    /** How the killed node's qdevice ended once its corosync was gone (it must exit, as the C daemon does). */
    private String qdeviceFate(ClusterWatch w, int node) {
        String host = w.cluster.host(node);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stack.lab().daemon(host, LabCluster.QDEVICE).isPresent() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (stack.lab().daemon(host, LabCluster.QDEVICE).isPresent()) {
            return "qdevice@n" + node + " still running 10 s after its corosync died";
        }
        DaemonProcess d = stack.lab().daemons().stream()
                .filter(p -> p.host().name().equals(host) && p.name().equals(LabCluster.QDEVICE))
                .reduce((a, b) -> b).orElseThrow();
        return "qdevice@n" + node + " exited with " + d.process().exitValue();
    }

    /** Drop all traffic between the two sides (both still reach qnetd); then heal and time the vote. */
    void split() {
        splitScenario("split " + topology.sideA() + "|" + topology.sideB());
    }

    /**
     * The tie-breaker's side fails its heuristics, then the same split: the qnetd must prefer the side whose
     * heuristics PASS (ffsplit) or score it by its heuristics (lms).
     */
    void splitWithFailingHeuristics() {
        for (ClusterWatch w : watches) {
            for (int n : topology.sideA()) {
                write(stack.lab().host(w.cluster.host(n)).etc().resolve(HEURISTICS_FAIL_FILE), "fail\n");
            }
        }
        splitScenario("split, heuristics FAIL on " + topology.sideA());
        for (ClusterWatch w : watches) {
            for (int n : topology.sideA()) {
                delete(stack.lab().host(w.cluster.host(n)).etc().resolve(HEURISTICS_FAIL_FILE));
            }
        }
    }

    private void splitScenario(String name) {
        long t0 = strike("cut " + topology.sideA() + " from " + topology.sideB(), w -> {
            for (int a : topology.sideA()) {
                for (int b : topology.sideB()) {
                    w.cluster.cut(a, b);
                }
            }
        });
        settle(Duration.ofSeconds(40), allNodes(),
                (n, s) -> s.available() && s.members().size() == topology.sideOf(n).size());
        List<ScenarioOutcome> outcomes = record(name, t0, allNodes(), w -> "");
        long healed = strike("heal", w -> w.cluster.heal());
        awaitAllQuorate("healed");
        for (int i = 0; i < watches.size(); i++) {
            ClusterWatch w = watches.get(i);
            for (int n : allNodes()) {
                if (!outcomes.get(i).voting().contains(n)) {
                    String at = topology.name() + "/" + qnetdLabel + " " + name + " heal n" + n;
                    report.latency(w.label, at, w.voteAfterRingFormed(n, healed, topology.nodes()),
                            w.voteAfterRing(n, healed, topology.nodes()));
                }
            }
        }
    }

    /** qnetd unreachable (link down or killed) until both clusters' qdevices gave up their vote; then back. */
    void qnetdOutage() {
        boolean linkDown = topology.qnetdOutage() == QnetdOutage.NETWORK_DOWN;
        long t0 = System.nanoTime();
        if (linkDown) {
            stack.lab().networkDown(RealStack.QNETD_HOST);
        } else {
            stack.killQnetd("KILL");
        }
        settle(Duration.ofSeconds(45), allNodes(), (n, s) -> s.available() && !s.qdeviceVoteCounted());
        record(linkDown ? "qnetd link down" : "qnetd killed", t0, allNodes(), w -> "");
        report.toolComparison(topology.name() + "/" + qnetdLabel + " qnetd unreachable",
                QdeviceToolDiff.compare(reference().cluster.qdeviceTool(1), quorate().cluster.qdeviceTool(1)));
        long up = System.nanoTime();
        if (linkDown) {
            stack.lab().networkUp(RealStack.QNETD_HOST);
        } else {
            stack.startQnetd(TlsMode.ON);
        }
        awaitAllQuorate("qnetd back");
        for (ClusterWatch w : watches) {
            Duration worst = Duration.ZERO;
            for (int n : allNodes()) {
                worst = max(worst, w.voteSince(n, up).orElse(Duration.ofDays(1)));
            }
            report.reconnect(w.label, topology.name() + "/" + qnetdLabel, worst);
        }
    }

    /** corosync-qdevice-tool -s -v of node 1 of both clusters, connected and settled. */
    void compareQdeviceTool(String state) {
        report.toolComparison(topology.name() + "/" + qnetdLabel + " " + state,
                QdeviceToolDiff.compare(reference().cluster.qdeviceTool(1), quorate().cluster.qdeviceTool(1)));
    }

    /** The sampling resolution of this run, which bounds every measured latency's precision. */
    void noteSamplingResolution() {
        double seconds = (System.nanoTime() - samplerStarted) / 1e9;
        int hosts = 2 * topology.nodes();
        report.note(String.format("%s/%s: %d quorumtool samples of %d hosts in %.0f s = one sample per host every %.0f ms",
                topology.name(), qnetdLabel, sampler.sampleCount(), hosts, seconds,
                seconds * 1000 * hosts / Math.max(1, sampler.sampleCount())));
    }

    // ------------------------------------------------------------------ plumbing

    private long strike(String what, java.util.function.Consumer<ClusterWatch> action) {
        long t0 = System.nanoTime();
        for (ClusterWatch w : watches) {
            action.accept(w);
        }
        transcript.append("  -- ").append(what).append('\n');
        return t0;
    }

    /**
     * Waits until both clusters satisfy {@code settled} on {@code nodes} (or {@code max} passed: the outcome
     * then records whatever state they reached) and no node changed for {@link #QUIET}.
     */
    private void settle(Duration max, Collection<Integer> nodes, BiPredicate<Integer, QuorumStatus> settled) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            boolean reached = watches.stream().allMatch(w -> nodes.stream().allMatch(n -> settled.test(n, w.latest(n))));
            long last = watches.stream().mapToLong(w -> w.lastChangeNanos(nodes)).max().orElseThrow();
            if (reached && System.nanoTime() - last >= QUIET.toNanos()) {
                return;
            }
            sleep(100);
        }
        transcript.append("  !! not settled within ").append(max.toSeconds()).append(" s\n");
    }

    private List<ScenarioOutcome> record(String scenario, long t0, Collection<Integer> running,
                                         java.util.function.Function<ClusterWatch, String> note) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        transcript.append("== ").append(topology.name()).append(" / ").append(qnetdLabel).append(": ")
                .append(scenario).append('\n');
        for (ClusterWatch w : watches) {
            ScenarioOutcome o = w.outcome(scenario, t0, running, note.apply(w));
            outcomes.add(o);
            transcript.append("  [").append(w.label).append("] ").append(o.summary()).append('\n');
            o.endStates().forEach((n, s) -> transcript.append("      n").append(n).append(": ").append(s).append('\n'));
            transcript.append(w.transcript(t0));
        }
        report.row(topology.name(), qnetdLabel, scenario, outcomes.get(0), outcomes.get(1));
        return outcomes;
    }

    private void awaitAllQuorate(String what) {
        long t0 = System.nanoTime();
        for (ClusterWatch w : watches) {
            w.cluster.awaitQuorateWithQdevice(RECOVERY);
        }
        transcript.append("  -- ").append(what).append(": both clusters quorate with the qdevice vote again after ")
                .append((System.nanoTime() - t0) / 1_000_000).append(" ms\n");
    }

    private List<Integer> allNodes() {
        return IntStream.rangeClosed(1, topology.nodes()).boxed().toList();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
