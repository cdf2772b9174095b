package org.quorate.qnetd.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

/**
 * Drives one cluster through {@link ClusterArbiter} like the server core would, and remembers every
 * outcome and VOTE_INFO so tests can look at what went out and acknowledge it.
 */
final class ClusterHarness {
    final ClusterState cluster = new ClusterState("test-cluster");
    final ClusterArbiter arbiter = new ClusterArbiter();
    final Map<Long, ClientState> clients = new LinkedHashMap<>();
    final List<VoteInfo> sentVoteInfos = new ArrayList<>();
    private final DecisionAlgorithm algorithm;
    private final TieBreaker tieBreaker;
    private long msgSeq = 100;
    private int acknowledged;

    ClusterHarness(DecisionAlgorithm algorithm, TieBreaker tieBreaker) {
        this.algorithm = algorithm;
        this.tieBreaker = tieBreaker;
    }

    static List<NodeInfo> nodes(long... ids) {
        return Arrays.stream(ids).mapToObj(NodeInfo::of).collect(Collectors.toList());
    }

    static RingId ring(long leader, long seq) {
        return new RingId(leader, seq);
    }

    ClientState client(long nodeId) {
        ClientState c = clients.get(nodeId);
        if (c == null) {
            throw new IllegalArgumentException("no client " + nodeId);
        }
        return c;
    }

    ClientState join(long nodeId) {
        return join(nodeId, false);
    }

    ClientState join(long nodeId, boolean kap) {
        ClientState c = new ClientState(nodeId, algorithm, tieBreaker, kap, RingId.ZERO);
        clients.put(nodeId, c);
        track(arbiter.clientInit(cluster, c));
        return c;
    }

    Outcome config(long nodeId, boolean initial, long... ids) {
        return track(arbiter.configNodeList(cluster, client(nodeId), ++msgSeq, initial, OptionalLong.of(1),
                nodes(ids)));
    }

    Outcome membership(long nodeId, RingId ring, HeuristicsResult heuristics, long... ids) {
        return track(arbiter.membershipNodeList(cluster, client(nodeId), ++msgSeq, ring, nodes(ids), heuristics));
    }

    Outcome membership(long nodeId, RingId ring, long... ids) {
        return membership(nodeId, ring, HeuristicsResult.UNDEFINED, ids);
    }

    Outcome quorum(long nodeId, boolean quorate, long... ids) {
        return track(arbiter.quorumNodeList(cluster, client(nodeId), ++msgSeq, quorate, nodes(ids)));
    }

    Outcome askForVote(long nodeId) {
        return track(arbiter.askForVote(cluster, client(nodeId), ++msgSeq));
    }

    Outcome heuristics(long nodeId, HeuristicsResult result) {
        return track(arbiter.heuristicsChange(cluster, client(nodeId), ++msgSeq, result));
    }

    Outcome voteInfoReply(long nodeId, long seq) {
        return track(arbiter.voteInfoReply(cluster, client(nodeId), seq));
    }

    /** Acknowledges the newest VOTE_INFO sent to the node. */
    Outcome ackLatest(long nodeId) {
        VoteInfo latest = null;
        for (VoteInfo vi : sentVoteInfos) {
            if (vi.target().nodeId() == nodeId) {
                latest = vi;
            }
        }
        if (latest == null) {
            throw new IllegalStateException("no VOTE_INFO was sent to " + nodeId);
        }
        return voteInfoReply(nodeId, latest.seq());
    }

    Outcome disconnect(long nodeId) {
        ClientState c = clients.remove(nodeId);
        return track(arbiter.disconnect(cluster, c, false));
    }

    Outcome timer(long nodeId) {
        return track(arbiter.algorithmTimerFired(cluster, client(nodeId)));
    }

    /** Sets up a joined client with the config and a membership list (no acknowledgements). */
    void joinWithLists(long nodeId, long[] config, RingId ring, long... members) {
        join(nodeId);
        config(nodeId, true, config);
        membership(nodeId, ring, members);
    }

    /**
     * Acknowledges, in send order, every VOTE_INFO not acknowledged yet (of clients still
     * connected), until none is left — as well-behaved clients would, each exactly once.
     */
    void settle() {
        while (acknowledged < sentVoteInfos.size()) {
            VoteInfo vi = sentVoteInfos.get(acknowledged++);
            if (clients.get(vi.target().nodeId()) == vi.target()) {
                voteInfoReply(vi.target().nodeId(), vi.seq());
            }
        }
    }

    /** Connected nodes whose latest ACK/NACK is ACK, ascending. */
    List<Long> ackedNodes() {
        return clients.values().stream()
                .filter(c -> c.lastSentAckNackVote() == Vote.ACK)
                .map(ClientState::nodeId)
                .sorted()
                .collect(Collectors.toList());
    }

    /** The votes of the VOTE_INFOs in one outcome, as "node:vote" strings in send order. */
    static List<String> describe(Outcome outcome) {
        return outcome.voteInfos().stream()
                .map(vi -> vi.target().nodeId() + ":" + vi.vote())
                .collect(Collectors.toList());
    }

    /** The latest ACK/NACK each client was sent (reply or VOTE_INFO). */
    Vote ackNack(long nodeId) {
        return client(nodeId).lastSentAckNackVote();
    }

    private Outcome track(Outcome outcome) {
        sentVoteInfos.addAll(outcome.voteInfos());
        return outcome;
    }
}
