package org.quorate.qnetd.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.quorate.cluster.RingId;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;

/**
 * The entry point for the server core: feeds one event of one client to that client's algorithm
 * and then applies the server's storage rules (spec §4.2, §5) — new lists, ring id and heuristics
 * are stored only when the algorithm accepted the message, and every vote that goes out (reply or
 * VOTE_INFO) is recorded as the receiver's last sent vote. Stateless; all state lives in the
 * {@link ClusterState} / {@link ClientState} arguments, which the caller must not touch concurrently.
 */
public final class ClusterArbiter {

    /** Delay of the per-client algorithm timer (spec §7.1): the client heartbeat / 4. */
    public static long algorithmTimerDelayMillis(long heartbeatMillis) {
        return heartbeatMillis / 4;
    }

    /**
     * INIT passed every check: adds {@code client} to {@code cluster} and runs the algorithm's init.
     * The built-in algorithms never refuse; should one do, the client stays listed, as in the C server.
     */
    public Outcome clientInit(ClusterState cluster, ClientState client) {
        cluster.add(client);
        return algorithm(client).clientInit(cluster, client);
    }

    /** NODE_LIST of type INITIAL_CONFIG ({@code initial}) or CHANGED_CONFIG. */
    public Outcome configNodeList(ClusterState cluster, ClientState client, long seq, boolean initial,
                                  OptionalLong configVersion, List<NodeInfo> nodes) {
        List<NodeInfo> list = List.copyOf(nodes);
        Outcome outcome = algorithm(client).configNodeListReceived(cluster, client, seq, configVersion, list,
                initial);
        if (!outcome.isError()) {
            client.storeConfig(list, configVersion);
        }
        return recorded(client, outcome);
    }

    /** NODE_LIST of type MEMBERSHIP; {@code heuristics} is UNDEFINED when the message had none. */
    public Outcome membershipNodeList(ClusterState cluster, ClientState client, long seq, RingId ringId,
                                      List<NodeInfo> nodes, HeuristicsResult heuristics) {
        List<NodeInfo> list = List.copyOf(nodes);
        Objects.requireNonNull(ringId, "ringId");
        Objects.requireNonNull(heuristics, "heuristics");
        Outcome outcome = algorithm(client).membershipNodeListReceived(cluster, client, seq, ringId, list,
                heuristics);
        if (!outcome.isError()) {
            client.storeMembership(ringId, list, heuristics);
        }
        return recorded(client, outcome);
    }

    /** NODE_LIST of type QUORUM. */
    public Outcome quorumNodeList(ClusterState cluster, ClientState client, long seq, boolean quorate,
                                  List<NodeInfo> nodes) {
        List<NodeInfo> list = List.copyOf(nodes);
        Outcome outcome = algorithm(client).quorumNodeListReceived(cluster, client, seq, quorate, list);
        if (!outcome.isError()) {
            client.storeQuorum(quorate, list);
        }
        return recorded(client, outcome);
    }

    public Outcome askForVote(ClusterState cluster, ClientState client, long seq) {
        return recorded(client, algorithm(client).askForVoteReceived(cluster, client, seq));
    }

    /** VOTE_INFO_REPLY: no reply is sent; an error still goes out as SERVER_ERROR. */
    public Outcome voteInfoReply(ClusterState cluster, ClientState client, long seq) {
        return recorded(client, algorithm(client).voteInfoReplyReceived(cluster, client, seq));
    }

    /** HEURISTICS_CHANGE with PASS or FAIL. */
    public Outcome heuristicsChange(ClusterState cluster, ClientState client, long seq,
                                    HeuristicsResult heuristics) {
        Objects.requireNonNull(heuristics, "heuristics");
        Outcome outcome = algorithm(client).heuristicsChangeReceived(cluster, client, seq, heuristics);
        if (!outcome.isError()) {
            client.storeRegularHeuristics(heuristics);
        }
        return recorded(client, outcome);
    }

    /**
     * The connection of an initialised client ended. Runs the algorithm's disconnect callback while
     * the client is still listed, then removes it; the returned outcome always ends with a CANCEL of
     * the client's algorithm timer. The caller drops the cluster when it {@link ClusterState#isEmpty()}.
     */
    public Outcome disconnect(ClusterState cluster, ClientState client, boolean serverGoingDown) {
        Outcome outcome = algorithm(client).clientDisconnected(cluster, client, serverGoingDown);
        cluster.remove(client);
        List<TimerCommand> timers = new ArrayList<>(outcome.timerCommands());
        timers.add(TimerCommand.cancel(client));
        return recorded(client, new Outcome(outcome.error(), null, outcome.voteInfos(), timers));
    }

    /** The client's algorithm timer fired (it was requested by an earlier SCHEDULE command). */
    public Outcome algorithmTimerFired(ClusterState cluster, ClientState client) {
        return recorded(client, algorithm(client).timerFired(cluster, client));
    }

    private static QnetdAlgorithm algorithm(ClientState client) {
        return Algorithms.forType(client.algorithm());
    }

    private static Outcome recorded(ClientState client, Outcome outcome) {
        if (outcome.isError()) {
            return outcome;
        }
        for (VoteInfo voteInfo : outcome.voteInfos()) {
            voteInfo.target().recordSentVote(voteInfo.vote());
        }
        if (outcome.replyVote() != null) {
            client.recordSentVote(outcome.replyVote());
        }
        return outcome;
    }
}
