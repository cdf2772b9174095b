package org.quorate.qdevice.interop;

import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.NetnsLab;
import org.quorate.testsupport.lab.QuorumSampler;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.testsupport.lab.StateChange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** One cluster of a differential run seen through the shared {@link QuorumSampler}: windows, outcomes, latencies. */
final class ClusterWatch {
    final String label;
    final LabCluster cluster;
    private final QuorumSampler sampler;
    private final NetnsLab lab;

    ClusterWatch(String label, LabCluster cluster, QuorumSampler sampler, NetnsLab lab) {
        this.lab = lab;
        this.label = label;
        this.cluster = cluster;
        this.sampler = sampler;
    }

    QuorumStatus latest(int node) {
        List<StateChange> t = sampler.timeline(cluster.host(node));
        return t.get(t.size() - 1).status();
    }

    boolean all(Collection<Integer> nodes, Predicate<QuorumStatus> condition) {
        return nodes.stream().allMatch(n -> condition.test(latest(n)));
    }

    /** The state current at {@code since} followed by every later change of the node. */
    List<StateChange> window(int node, long since) {
        List<StateChange> t = sampler.timeline(cluster.host(node));
        List<StateChange> w = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            boolean currentAtSince = t.get(i).nanos() <= since && (i + 1 == t.size() || t.get(i + 1).nanos() > since);
            if (currentAtSince || t.get(i).nanos() > since) {
                w.add(t.get(i));
            }
        }
        return w;
    }

    long lastChangeNanos(Collection<Integer> nodes) {
        long last = Long.MIN_VALUE;
        for (int n : nodes) {
            List<StateChange> t = sampler.timeline(cluster.host(n));
            last = Math.max(last, t.get(t.size() - 1).nanos());
        }
        return last;
    }

    ScenarioOutcome outcome(String scenario, long since, Collection<Integer> running, String note) {
        TreeSet<Integer> quorate = new TreeSet<>();
        TreeSet<Integer> voting = new TreeSet<>();
        TreeSet<Integer> lost = new TreeSet<>();
        TreeMap<Integer, String> end = new TreeMap<>();
        for (int n : running) {
            QuorumStatus s = latest(n);
            if (s.quorate()) {
                quorate.add(n);
            }
            if (s.qdeviceVoteCounted()) {
                voting.add(n);
            }
            // "Quorate: No" only: a corosync-quorumtool that got no answer in time (corosync busy forming the
            // new ring on a loaded box) says nothing about quorum
            if (window(n, since).stream().anyMatch(c -> c.status().available() && !c.status().quorate())) {
                lost.add(n);
            }
            end.put(n, ScenarioOutcome.endState(s));
        }
        return new ScenarioOutcome(scenario, quorate, voting, lost, end, note);
    }

    /**
     * "The vote after a membership change", measured from corosync's own log: from the moment the node's
     * corosync formed the ring (hires timestamp of "A new membership (R) was formed") to the first sample in
     * which votequorum shows ring R with the qdevice vote counted. An upper bound: it includes up to one
     * sampling period.
     */
    Optional<Duration> voteAfterRingFormed(int node, long since, int members) {
        String host = cluster.host(node);
        Optional<StateChange> voted = sampler.first(host, since, s -> s.available() && s.members().size() == members
                && s.qdeviceVoteCounted());
        if (voted.isEmpty()) {
            return Optional.empty();
        }
        Path log = lab.host(host).logs().resolve("corosync.log");
        return CorosyncLog.ringFormed(log, voted.get().status().ringId())
                .map(formed -> Duration.between(formed, voted.get().at()));
    }

    /**
     * The same seen by the sampler alone: from the first sample at or after {@code since} in which the node
     * shows a full membership of {@code members} nodes (votequorum has the new ring) to the first sample that
     * also counts the qdevice vote.
     */
    Optional<Duration> voteAfterRing(int node, long since, int members) {
        String host = cluster.host(node);
        Optional<StateChange> ring = sampler.first(host, since, s -> s.available() && s.members().size() == members);
        if (ring.isEmpty()) {
            return Optional.empty();
        }
        return sampler.first(host, ring.get().nanos(), s -> s.available() && s.members().size() == members
                        && s.qdeviceVoteCounted())
                .map(v -> Duration.ofNanos(Math.max(0, v.nanos() - ring.get().nanos())));
    }

    /** Time from {@code since} until the node first counts the qdevice vote. */
    Optional<Duration> voteSince(int node, long since) {
        return sampler.first(cluster.host(node), since, QuorumStatus::qdeviceVoteCounted)
                .map(v -> Duration.ofNanos(Math.max(0, v.nanos() - since)));
    }

    /** The cluster's changes since {@code since}, one per line, relative to it. */
    String transcript(long since) {
        StringBuilder sb = new StringBuilder();
        List<StateChange> all = new ArrayList<>();
        for (int n = 1; n <= cluster.spec().nodes(); n++) {
            all.addAll(window(n, since));
        }
        all.sort(java.util.Comparator.comparingLong(StateChange::nanos));
        for (StateChange c : all) {
            sb.append(String.format("    %+8.3f s %s %s%n", (c.nanos() - since) / 1e9, c.host(), c.status().compact()));
        }
        return sb.toString();
    }
}
