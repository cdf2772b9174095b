package org.quorate.qnetd.server;

import org.quorate.cluster.RingId;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.message.Messages;
import org.quorate.qnetd.algorithm.ClientState;
import org.quorate.qnetd.algorithm.ClusterArbiter;
import org.quorate.qnetd.algorithm.ClusterState;
import org.quorate.qnetd.algorithm.Outcome;
import org.quorate.qnetd.algorithm.TimerCommand;
import org.quorate.qnetd.algorithm.VoteInfo;
import org.quorate.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Connects the pure algorithms to the network: feeds a session's event to {@link ClusterArbiter} and
 * carries out the {@link Outcome} — VOTE_INFO to whichever clients it names (before the caller sends
 * its reply), and the per-client algorithm timers.
 */
public final class VoteDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(VoteDispatcher.class);

    private final ClusterArbiter arbiter = new ClusterArbiter();
    private final ClusterRegistry registry;
    private final Scheduler scheduler;
    private final QnetdEvents events;
    private final Map<ClientState, Scheduler.Cancellable> timers = new IdentityHashMap<>();

    VoteDispatcher(ClusterRegistry registry, Scheduler scheduler, QnetdEvents events) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.events = events;
    }

    Outcome clientInit(ClientSession session, ClusterState cluster) {
        return apply(arbiter.clientInit(cluster, session.client()));
    }

    Outcome configNodeList(ClientSession s, long seq, boolean initial, OptionalLong version, List<NodeInfo> nodes) {
        return apply(arbiter.configNodeList(cluster(s), s.client(), seq, initial, version, nodes));
    }

    Outcome membershipNodeList(ClientSession s, long seq, RingId ring, List<NodeInfo> nodes, HeuristicsResult h) {
        return apply(arbiter.membershipNodeList(cluster(s), s.client(), seq, ring, nodes, h));
    }

    Outcome quorumNodeList(ClientSession s, long seq, boolean quorate, List<NodeInfo> nodes) {
        return apply(arbiter.quorumNodeList(cluster(s), s.client(), seq, quorate, nodes));
    }

    Outcome askForVote(ClientSession s, long seq) {
        return apply(arbiter.askForVote(cluster(s), s.client(), seq));
    }

    Outcome voteInfoReply(ClientSession s, long seq) {
        return apply(arbiter.voteInfoReply(cluster(s), s.client(), seq));
    }

    Outcome heuristicsChange(ClientSession s, long seq, HeuristicsResult heuristics) {
        return apply(arbiter.heuristicsChange(cluster(s), s.client(), seq, heuristics));
    }

    void disconnected(ClientSession s, boolean serverGoingDown) {
        ClusterState cluster = cluster(s);
        if (cluster == null) {
            return;
        }
        apply(arbiter.disconnect(cluster, s.client(), serverGoingDown));
    }

    private ClusterState cluster(ClientSession s) {
        return registry.find(s.clusterName());
    }

    private Outcome apply(Outcome outcome) {
        if (outcome.isError()) {
            return outcome;
        }
        for (VoteInfo info : outcome.voteInfos()) {
            ClientSession target = registry.sessionOf(info.target());
            if (target != null) {
                events.voteSent(info.vote());
                target.connection().send(Messages.voteInfo(info.seq(), info.vote(), info.ringId()));
            }
        }
        if (outcome.replyVote() != null) {
            events.voteSent(outcome.replyVote());
        }
        for (TimerCommand command : outcome.timerCommands()) {
            timer(command);
        }
        return outcome;
    }

    private void timer(TimerCommand command) {
        Scheduler.Cancellable pending = timers.remove(command.client());
        if (pending != null) {
            pending.cancel();
        }
        if (command.action() == TimerCommand.Action.SCHEDULE) {
            ClientSession session = registry.sessionOf(command.client());
            if (session == null) {
                return;
            }
            long delay = ClusterArbiter.algorithmTimerDelayMillis(session.heartbeatMs());
            timers.put(command.client(), scheduler.schedule(() -> timerFired(command.client()), delay, TimeUnit.MILLISECONDS));
        }
    }

    private void timerFired(ClientState client) {
        timers.remove(client);
        ClientSession session = registry.sessionOf(client);
        if (session == null) {
            return;
        }
        Outcome outcome = apply(arbiter.algorithmTimerFired(cluster(session), client));
        if (outcome.isError()) {
            LOG.warn("Algorithm timer of node {} failed with error {}", client.nodeId(), outcome.error());
            session.sendError(null, outcome.error());
        }
    }


}
