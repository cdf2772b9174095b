package org.quorate.qnetd.interop;

import org.quorate.testsupport.lab.Await;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.QuorumMember;
import org.quorate.testsupport.lab.QuorumSampler;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.StackCommands;
import org.quorate.testsupport.lab.StateChange;
import org.quorate.testsupport.lab.TlsMode;
import org.quorate.testsupport.lab.Topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The scenario script of the differential interop test, run against one qnetd in one lab: baseline, then
 * every {@link Scenario} in order, each observed by a {@link QuorumSampler} on all nodes. A fault scenario
 * ends when no node changed state for {@link #QUIET}; a healing one when every node is quorate with the
 * qdevice vote again.
 */
final class DifferentialScript {
    /**
     * A fault is watched at least this long: longer than corosync needs to notice it (token + consensus, about
     * 5 s for 4 nodes with the 1 s token of {@link #spec(Topology)}), so "nothing changed yet" never ends it.
     */
    private static final Duration MIN_WATCH = Duration.ofSeconds(10);
    /** Longer than any gap between the steps of one reaction (membership, qdevice poll, qnetd round trip). */
    private static final Duration QUIET = Duration.ofSeconds(5);
    /** After a heal: lets late flag changes land in this scenario, not in the next one's first state. */
    private static final Duration HEAL_QUIET = Duration.ofSeconds(3);
    private static final Duration MAX_SETTLE = Duration.ofSeconds(90);
    /** Long enough for every qdevice to notice the dead qnetd before it comes back. */
    private static final Duration QNETD_DOWN = Duration.ofSeconds(5);

    private final String server;
    private final Topology topology;
    private final RealStack stack;
    private final LabCluster cluster;
    private QuorumSampler sampler;

    private DifferentialScript(String server, Topology topology, RealStack stack, LabCluster cluster) {
        this.server = server;
        this.topology = topology;
        this.stack = stack;
        this.cluster = cluster;
    }

    static RunReport run(String server, StackCommands commands, Topology topology) {
        String label = "diff-" + topology.name() + "-" + server;
        try (RealStack stack = RealStack.open(label, commands)) {
            stack.startQnetd(TlsMode.ON);
            LabCluster cluster = stack.createCluster(spec(topology));
            cluster.start();
            return new DifferentialScript(server, topology, stack, cluster).script();
        }
    }

    /**
     * TLS on, as pvecm sets it up. A 1 s token (default 3 s) so corosync notices faults in about 2-5 s and the
     * suite stays short; the qdevice timers keep their defaults, they are what the two servers must agree on.
     */
    static ClusterSpec spec(Topology topology) {
        return topology.specBuilder(1).tls(TlsMode.ON).totem("token: 1000").build();
    }

    private RunReport script() {
        Map<Integer, QuorumStatus> up = cluster.awaitQuorateWithQdevice(MAX_SETTLE);
        Map<Integer, String> baseline = new LinkedHashMap<>();
        up.forEach((node, s) -> baseline.put(node, String.join(" ", s.flags()) + " | "
                + s.members().stream().map(QuorumMember::qdeviceFlags).collect(Collectors.joining(" "))));
        String listing = stableListing(up.get(1).ringId());
        System.out.printf("=== %s on %s: baseline %s%ncorosync-qnetd-tool -l -v (ports normalised):%n%s%n",
                topology.name(), server, baseline, listing);
        sampler = stack.sample(cluster.hosts());
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            Outcome o = perform(scenario);
            System.out.print(o.transcript());
            outcomes.add(o);
        }
        return new RunReport(server, topology, baseline, listing, outcomes);
    }

    private Outcome perform(Scenario scenario) {
        long t0 = System.nanoTime();
        switch (scenario) {
            case KILL_NODE -> {
                cluster.kill(topology.killed(), LabCluster.COROSYNC, "KILL");
                cluster.kill(topology.killed(), LabCluster.QDEVICE, "KILL");
                return settleQuiet(scenario, t0);
            }
            case REJOIN -> {
                cluster.startCorosync(topology.killed());
                cluster.awaitCorosyncIpc(topology.killed(), Duration.ofSeconds(30));
                cluster.startQdevice(topology.killed());
                return settleAllQuorate(scenario, t0);
            }
            case CUT_HALVES -> {
                for (int a : topology.sideA()) {
                    for (int b : topology.sideB()) {
                        cluster.cut(a, b);
                    }
                }
                return settleQuiet(scenario, t0);
            }
            case ONE_WAY -> {
                for (int peer = 1; peer <= topology.nodes(); peer++) {
                    if (peer != topology.deaf()) {
                        cluster.cutOneWay(peer, topology.deaf());
                    }
                }
                return settleQuiet(scenario, t0);
            }
            case HEAL_CUT, HEAL_ONE_WAY -> {
                cluster.heal();
                return settleAllQuorate(scenario, t0);
            }
            case QNETD_RESTART -> {
                stack.killQnetd("KILL");
                Await.until("qnetd down for " + QNETD_DOWN.toSeconds() + " s", QNETD_DOWN.plusSeconds(1),
                        () -> System.nanoTime() - t0 >= QNETD_DOWN.toNanos(), done -> done);
                stack.startQnetd(TlsMode.ON);
                return settleAllQuorate(scenario, t0);
            }
        }
        throw new IllegalArgumentException("unknown scenario " + scenario);
    }

    /** At least {@link #MIN_WATCH}, then until no node changed state for {@link #QUIET} (at most {@link #MAX_SETTLE}). */
    private Outcome settleQuiet(Scenario scenario, long t0) {
        return outcome(scenario, t0, awaitQuiet(scenario, t0, MIN_WATCH, QUIET));
    }

    private boolean awaitQuiet(Scenario scenario, long t0, Duration minWatch, Duration quiet) {
        long deadline = t0 + MAX_SETTLE.toNanos();
        return Await.until(scenario + " settled (" + quiet.toSeconds() + " s without change)",
                MAX_SETTLE.plusSeconds(5), Duration.ofMillis(200), () -> {
                    long now = System.nanoTime();
                    long last = Math.max(t0 + minWatch.toNanos() - quiet.toNanos(), sampler.lastChangeNanos());
                    return now - last >= quiet.toNanos() ? Boolean.TRUE : now > deadline ? Boolean.FALSE : null;
                }, r -> r != null, r -> sampler.describe());
    }

    /** Until every node is quorate with the qdevice vote and its view agrees with the others'. */
    private Outcome settleAllQuorate(Scenario scenario, long t0) {
        int n = topology.nodes();
        for (String host : cluster.hosts()) {
            sampler.awaitState(host, s -> s.quorateWithQdevice(n), MAX_SETTLE, scenario + ": quorate with qdevice");
        }
        return outcome(scenario, t0, awaitQuiet(scenario, t0, Duration.ZERO, HEAL_QUIET));
    }

    private Outcome outcome(Scenario scenario, long t0, boolean settled) {
        SortedSet<Integer> quorate = new TreeSet<>();
        SortedSet<Integer> withQdevice = new TreeSet<>();
        SortedSet<Integer> neverLost = new TreeSet<>();
        SortedSet<Integer> withdrawn = new TreeSet<>();
        SortedSet<String> partitions = new TreeSet<>();
        // a corosync-quorumtool that timed out saw corosync busy (e.g. votequorum waiting for the qdevice poll
        // during sync), not a node without quorum: such samples count as neither lost nor withdrawn
        Predicate<QuorumStatus> busy = s -> !s.available() && s.error().contains("timed out");
        Predicate<QuorumStatus> counted = busy.or(s -> s.available() && s.qdeviceVoteCounted());
        Predicate<QuorumStatus> quorateOrBusy = busy.or(s -> s.available() && s.quorate());
        for (int node = 1; node <= topology.nodes(); node++) {
            String host = cluster.host(node);
            List<StateChange> t = sampler.timeline(host);
            QuorumStatus last = t.get(t.size() - 1).status();
            if (last.available()) {
                partitions.add(last.members().stream().map(m -> Integer.toString(m.nodeId()))
                        .collect(Collectors.joining(",", "[", "]")));
            }
            if (last.available() && last.quorate()) {
                quorate.add(node);
            }
            if (counted.test(last)) {
                withQdevice.add(node);
            }
            if (sampler.alwaysSince(host, t0, quorateOrBusy)) {
                neverLost.add(node);
            }
            if (!sampler.alwaysSince(host, t0, counted)) {
                withdrawn.add(node);
            }
        }
        long end = Math.max(t0, sampler.lastChangeNanos()); // the last change: when the outcome was reached
        Duration settle = Duration.ofNanos(end - t0);
        String parts = String.join(" ", partitions) + (settled ? "" : " UNSETTLED");
        return new Outcome(scenario, parts, quorate, withQdevice, neverLost, withdrawn, settle,
                transcript(scenario, t0, settle));
    }

    private String transcript(Scenario scenario, long t0, Duration settle) {
        StringBuilder sb = new StringBuilder(String.format("--- %s %s %s: %s (settled after %.1f s)%n",
                topology.name(), server, scenario, scenario.description(), settle.toMillis() / 1000.0));
        for (StateChange c : sampler.all()) {
            if (c.nanos() >= t0) {
                sb.append(String.format("  +%6.2f s %s %s%n", (c.nanos() - t0) / 1e9, c.host(), c.status().compact()));
            }
        }
        return sb.toString();
    }

    /** {@code corosync-qnetd-tool -l -v} once every client's entry shows an acknowledged vote. */
    private String stableListing(String clusterRing) {
        String text = Await.until("qnetd lists all " + topology.nodes() + " nodes with a vote", MAX_SETTLE,
                Duration.ofMillis(200), () -> stack.qnetdTool("-l", "-v").stdout(),
                s -> s.split("Vote:", -1).length - 1 == topology.nodes() && !s.contains("Wait for reply"),
                s -> s);
        System.out.printf("corosync-qnetd-tool -l -v as printed:%n%s%n", text);
        return normalise(text, clusterRing);
    }

    /**
     * Client ports are ephemeral. The ring id's sequence counts corosync's membership rounds at start-up (1.9
     * or 1.d with either server), so a ring equal to the one the nodes report becomes {@code <ring>}; a stale
     * ring would stay and differ. "Vote:" keeps the result (in parentheses) but not the last vote sent: that
     * is "ACK" or "No change" depending on which qdevice's node list arrived last (seen with both servers).
     */
    static String normalise(String listing, String clusterRing) {
        return listing.replaceAll("(Client address:\\s+\\S+):\\d+", "$1:<port>")
                .replace("Ring ID:\t\t" + clusterRing + "\n", "Ring ID:\t\t<ring>\n")
                .replaceAll("(Vote:\\s+)(ACK|No change) \\(", "$1<ACK or No change> (");
    }
}
