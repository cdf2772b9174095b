package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.OptionalLong;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.Vote;

/**
 * lms, last man standing (spec §7.5): the partition with the best heuristics score, then the most
 * members, then the tie-breaker node gets ACK. While the clients of one partition still disagree on
 * the ring id the answer is WAIT_FOR_REPLY and the algorithm timer re-evaluates later, pushing the
 * result as VOTE_INFO.
 */
final class LmsAlgorithm implements QnetdAlgorithm {
    /** The C server starts the LOWEST search at INT_MAX; ids from there up never win it (E-04, Q6). */
    static final long LOWEST_SEARCH_START = Integer.MAX_VALUE;

    @Override
    public DecisionAlgorithm type() {
        return DecisionAlgorithm.LMS;
    }



    @Override
    public Outcome membershipNodeListReceived(ClusterState cluster, ClientState client, long seq, RingId ringId,
                                              List<NodeInfo> nodes, HeuristicsResult heuristics) {
        // Evaluated with the client's previous ring and membership (stored after this call); the
        // following quorum list or the timer re-evaluates with consistent data.
        Effects effects = new Effects();
        return effects.reply(run(cluster, client, ringId, effects));
    }

    @Override
    public Outcome quorumNodeListReceived(ClusterState cluster, ClientState client, long seq, boolean quorate,
                                          List<NodeInfo> nodes) {
        Effects effects = new Effects();
        return effects.reply(run(cluster, client, client.ringId(), effects));
    }

    @Override
    public Outcome askForVoteReceived(ClusterState cluster, ClientState client, long seq) {
        Effects effects = new Effects();
        return effects.reply(run(cluster, client, client.ringId(), effects));
    }


    @Override
    public Outcome heuristicsChangeReceived(ClusterState cluster, ClientState client, long seq,
                                            HeuristicsResult heuristics) {
        return Outcome.reply(Vote.NO_CHANGE); // not supported; the stored value still feeds scores
    }

    @Override
    public Outcome clientDisconnected(ClusterState cluster, ClientState client, boolean serverGoingDown) {
        // The others are not notified; only this client's pending timer goes away.
        Effects effects = new Effects();
        effects.timer(TimerCommand.cancel(client));
        return effects.noReply();
    }

    @Override
    public Outcome timerFired(ClusterState cluster, ClientState client) {
        Effects effects = new Effects();
        Vote vote = run(cluster, client, client.ringId(), effects);
        if (vote == Vote.ACK || vote == Vote.NACK) {
            effects.voteInfo(new VoteInfo(client, client.nextTimerVoteSeq(), vote, client.ringId()));
        }
        return effects.noReply();
    }

    private static Vote run(ClusterState cluster, ClientState client, RingId ring, Effects effects) {
        effects.timer(TimerCommand.cancel(client));
        if (!partitionAgreesOnRing(cluster, client, ring)) {
            effects.timer(TimerCommand.schedule(client));
            return client.lastResult(Vote.WAIT_FOR_REPLY);
        }
        LmsPartitions partitions = LmsPartitions.of(cluster);
        if (partitions.count() == 0) {
            effects.timer(TimerCommand.schedule(client)); // first on the block
            return client.lastResult(Vote.WAIT_FOR_REPLY);
        }
        if (partitions.count() == 1) {
            return client.lastResult(Vote.ACK); // votequorum's problem, not ours
        }
        if (client.lastResult() == null && LmsRules.anotherRingHoldsVote(cluster, ring)) {
            return Vote.NACK; // newcomer: not stored
        }
        LmsPartitions.Partition winner = partitions.uniqueBestScore();
        if (winner == null) {
            winner = partitions.uniqueLargest();
        }
        if (winner != null) {
            return client.lastResult(winner.ring().equals(ring) ? Vote.ACK : Vote.NACK);
        }
        return client.lastResult(winsTieBreak(cluster, client, ring) ? Vote.ACK : Vote.NACK);
    }

    /** Everybody that sees us (or that we see) must report the ring we are evaluating. */
    private static boolean partitionAgreesOnRing(ClusterState cluster, ClientState client, RingId ring) {
        for (ClientState o : cluster.clients()) {
            if (o == client) {
                continue;
            }
            boolean ours = NodeLists.contains(client.membershipNodes(), o.nodeId())
                    || NodeLists.contains(o.membershipNodes(), client.nodeId());
            if (ours && !o.ringId().equals(ring)) {
                return false;
            }
        }
        return true;
    }

    private static boolean winsTieBreak(ClusterState cluster, ClientState client, RingId ring) {
        long tieBreakerNode;
        RingId tieBreakerRing = RingId.ZERO;
        switch (client.tieBreaker().mode()) {
            case LOWEST -> {
                tieBreakerNode = LOWEST_SEARCH_START;
                for (ClientState o : cluster.clients()) {
                    if (o.nodeId() < tieBreakerNode) {
                        tieBreakerNode = o.nodeId();
                        tieBreakerRing = o.ringId();
                    }
                }
            }
            case HIGHEST -> {
                tieBreakerNode = 0;
                for (ClientState o : cluster.clients()) {
                    if (o.nodeId() > tieBreakerNode) {
                        tieBreakerNode = o.nodeId();
                        tieBreakerRing = o.ringId();
                    }
                }
            }
            case NODE_ID -> {
                tieBreakerNode = client.tieBreaker().nodeId();
                // As implemented (Q6): only the nominated node itself looks up a ring, and it takes
                // the ring of the last client in the list, so in practice only it can win.
                if (client.nodeId() == tieBreakerNode && !cluster.clients().isEmpty()) {
                    tieBreakerRing = cluster.clients().get(cluster.clients().size() - 1).ringId();
                }
            }
            default -> throw new IllegalStateException("unknown tie-breaker " + client.tieBreaker());
        }
        return client.nodeId() == tieBreakerNode || tieBreakerRing.equals(ring);
    }
}
