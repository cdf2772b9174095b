package org.quorate.qnetd.algorithm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

/**
 * A randomly shaped cluster driven by a list of action codes, for the property tests. It models
 * the clients' side just enough to know who currently holds the vote: a delivered ACK/NACK sets it,
 * ASK_LATER and WAIT_FOR_REPLY drop it (the client stops voting), NO_CHANGE keeps it, and a
 * disconnected client holds nothing. Every message to a client (VOTE_INFO or reply) waits in that
 * client's in-order inbox until a "deliver" action, or until the client acknowledges a VOTE_INFO
 * (which it must have received first) — so deliveries to different clients race arbitrarily.
 */
final class RandomCluster {
    final ClusterHarness harness;
    final long[] ids;
    private final Random random;
    private final Map<Long, List<NodeInfo>> configs = new HashMap<>();
    private final Map<Long, HeuristicsResult> heuristics = new HashMap<>();
    private final Map<Long, Boolean> kap = new HashMap<>();
    private final Map<Long, Deque<VoteInfo>> unacked = new HashMap<>();
    private final Map<Long, Deque<Message>> inbox = new HashMap<>();

    /** A vote on its way to a client, with the client's membership as the server knew it then. */
    private record Message(Vote vote, VoteInfo voteInfo, List<NodeInfo> membership) {
    }
    private final Map<Long, Boolean> configSent = new HashMap<>();
    /** Node id -> the membership the server knew for it when it sent the ACK the client still holds. */
    final Map<Long, List<NodeInfo>> holders = new HashMap<>();
    private Map<Long, Integer> partitionOf = new HashMap<>();
    private long generation = 1;

    RandomCluster(DecisionAlgorithm algorithm, int size, long seed, boolean cleanConfig) {
        this.random = new Random(seed);
        TreeSet<Long> chosen = new TreeSet<>();
        while (chosen.size() < size) {
            chosen.add(1L + random.nextInt(12));
        }
        ids = chosen.stream().mapToLong(Long::longValue).toArray();
        TieBreaker tb = switch (random.nextInt(3)) {
            case 0 -> TieBreaker.LOWEST;
            case 1 -> TieBreaker.HIGHEST;
            default -> TieBreaker.nodeId(1L + random.nextInt(13));
        };
        harness = new ClusterHarness(algorithm, tb);
        boolean everyoneKap = random.nextBoolean();
        List<NodeInfo> base = ClusterHarness.nodes(ids);
        for (long id : ids) {
            List<NodeInfo> config = new ArrayList<>(base);
            if (!cleanConfig && random.nextInt(6) == 0) {
                config.removeIf(n -> n.nodeId() != id && random.nextInt(size) == 0);
            }
            configs.put(id, config);
            heuristics.put(id, HeuristicsResult.values()[random.nextInt(3)]);
            kap.put(id, everyoneKap || random.nextBoolean());
            configSent.put(id, false);
            join(id);
        }
        repartition(random.nextInt(3) + 1);
    }

    /** Every client sends its config and membership lists, then all VOTE_INFOs are acknowledged. */
    void warmUp() {
        for (long id : ids) {
            sendConfig(id);
        }
        for (long id : ids) {
            sendMembership(id);
        }
        ackEverything();
    }

    /** Splits into {@code groups} random non-empty groups (fewer when the cluster is small). */
    void repartition(int groups) {
        generation++;
        partitionOf = new HashMap<>();
        int k = Math.min(groups, ids.length);
        for (int i = 0; i < ids.length; i++) {
            partitionOf.put(ids[i], i < k ? i : random.nextInt(k));
        }
    }

    /** Two equal halves, each made of the given ids. */
    void splitInHalves(long[] firstHalf) {
        generation++;
        partitionOf = new HashMap<>();
        TreeSet<Long> first = new TreeSet<>();
        for (long id : firstHalf) {
            first.add(id);
        }
        for (long id : ids) {
            partitionOf.put(id, first.contains(id) ? 0 : 1);
        }
    }

    long[] partition(long nodeId) {
        int p = partitionOf.get(nodeId);
        return java.util.Arrays.stream(ids).filter(id -> partitionOf.get(id) == p).toArray();
    }

    boolean connected(long nodeId) {
        return harness.clients.containsKey(nodeId);
    }

    void join(long id) {
        harness.join(id, kap.get(id));
        unacked.put(id, new ArrayDeque<>());
        inbox.put(id, new ArrayDeque<>());
        configSent.put(id, false);
    }

    /** Runs one action; the code picks both the action and the client. */
    void act(int code) {
        long id = ids[Math.floorMod(code / 10, ids.length)];
        int action = Math.floorMod(code, 10);
        if (!connected(id) && action != 6 && action != 7) {
            return;
        }
        switch (action) {
            case 0 -> sendConfig(id);
            case 1, 2 -> sendMembership(id);
            case 3 -> deliverAll(id);
            case 4 -> ackOldest(id);
            case 5 -> observe(id, harness.heuristics(id, code / 100 % 2 == 0 ? HeuristicsResult.PASS
                    : HeuristicsResult.FAIL));
            case 6 -> toggleConnection(id);
            case 7 -> repartition(code / 10 % 3 + 1);
            case 8 -> observe(id, harness.quorum(id, true, partition(id)));
            default -> {
                if (code / 100 % 2 == 0) {
                    observe(id, harness.askForVote(id));
                } else {
                    ackEverything();
                }
            }
        }
    }

    void sendConfig(long id) {
        boolean initial = !configSent.get(id);
        configSent.put(id, true);
        long[] config = configs.get(id).stream().mapToLong(NodeInfo::nodeId).toArray();
        observe(id, harness.config(id, initial, config));
    }

    void sendMembership(long id) {
        long[] members = partition(id);
        RingId ring = new RingId(members[0], generation);
        observe(id, harness.membership(id, ring, heuristics.get(id), members));
    }

    void ackOldest(long id) {
        VoteInfo vi = unacked.get(id).poll();
        if (vi != null) {
            deliverThrough(id, vi);
            observe(id, harness.voteInfoReply(id, vi.seq()));
        }
    }

    void deliverAll(long id) {
        deliverThrough(id, null);
    }

    /** Delivers the client's inbox up to and including {@code last} (everything when null). */
    private void deliverThrough(long id, VoteInfo last) {
        Deque<Message> queue = inbox.get(id);
        while (!queue.isEmpty()) {
            Message message = queue.poll();
            apply(id, message);
            if (last != null && message.voteInfo() == last) {
                return;
            }
        }
    }

    /** Delivers every inbox. */
    void deliverEverything() {
        for (long id : ids) {
            if (connected(id)) {
                deliverAll(id);
            }
        }
    }

    /** Acknowledges every outstanding VOTE_INFO, in order, until none is left. */
    void ackEverything() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (long id : ids) {
                if (connected(id) && !unacked.get(id).isEmpty()) {
                    ackOldest(id);
                    progress = true;
                }
            }
        }
        deliverEverything();
    }

    void toggleConnection(long id) {
        if (connected(id)) {
            holders.remove(id);
            unacked.remove(id);
            inbox.remove(id);
            observe(id, harness.disconnect(id));
        } else {
            join(id);
        }
    }

    private void observe(long sender, Outcome outcome) {
        for (VoteInfo vi : outcome.voteInfos()) {
            long target = vi.target().nodeId();
            unacked.get(target).add(vi);
            inbox.get(target).add(new Message(vi.vote(), vi, vi.target().membershipNodes()));
        }
        if (outcome.replyVote() != null && inbox.containsKey(sender)) {
            inbox.get(sender).add(new Message(outcome.replyVote(), null, harness.client(sender).membershipNodes()));
        }
    }

    private void apply(long nodeId, Message message) {
        switch (message.vote()) {
            case ACK -> holders.put(nodeId, message.membership());
            case NACK, ASK_LATER, WAIT_FOR_REPLY -> holders.remove(nodeId);
            default -> {
                // NO_CHANGE keeps whatever the client votes
            }
        }
    }

    /** For each client holding an ACK: the membership it was given that ACK for. */
    Map<Long, List<Long>> holderMemberships() {
        Map<Long, List<Long>> result = new HashMap<>();
        holders.forEach((id, membership) -> result.put(id,
                membership.stream().map(NodeInfo::nodeId).collect(Collectors.toList())));
        return result;
    }

    @Override
    public String toString() {
        return "RandomCluster[ids " + java.util.Arrays.toString(ids) + ", tb " + harness.cluster.clients().stream()
                .findFirst().map(c -> c.tieBreaker().toString()).orElse("-") + "]";
    }
}
