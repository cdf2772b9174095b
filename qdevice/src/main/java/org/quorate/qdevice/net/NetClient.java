package org.quorate.qdevice.net;

import org.quorate.cluster.RingId;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.OptionType;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.protocol.message.EchoReply;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.ServerError;
import org.quorate.protocol.message.VoteInfo;
import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.NetSettings;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.QdeviceConfig;
import org.quorate.qdevice.backend.QuorumNotification;
import org.quorate.qdevice.config.QdeviceSettingKeys;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.daemon.TransitionLog;
import org.quorate.state.StateMachine;
import org.quorate.state.Strictness;
import org.quorate.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The net model client (spec §4.1, §4.5–§4.7, §6): connects to qnetd, walks PREINIT → STARTTLS → INIT,
 * reports node lists, keeps the heartbeat, and turns votes into {@link CastVoteTimer} actions. One
 * method per event; every state change goes through {@link #state(NetClientState, String)}. Runs on one
 * thread; time comes from the {@link Scheduler}.
 */
public final class NetClient {
    private static final Logger LOG = LoggerFactory.getLogger(NetClient.class);
    private static final TransitionLog<NetClientState> TRANSITIONS = new TransitionLog<>(LOG, NetClientState.class);

    /** What the daemon must do when the client gives up. */
    public interface Listener {
        /** No retry: the daemon exits, with status 0 only for LOCAL_SOCKET_CLOSED. */
        void gaveUp(DisconnectReason reason);
    }

    private final Scheduler scheduler;
    private final NetTransport.Factory transports;
    private final QdeviceSettings settings;
    private final CastVoteTimer castVote;
    private final Heuristics heuristics;
    private final Listener listener;
    private final Random random;
    private final NodeView node;

    private QdeviceConfig config;
    private NetSettings net;
    private ClientAlgorithm algorithm;

    private final StateMachine<NetClientState> state;
    private NetTransport transport;
    /** Counts connection attempts; a transport's events carry the one they belong to (see {@link TransportEvents}). */
    private long generation;
    private long requestSeq = 1;          // never reset across reconnects (spec §3.3)
    private long echoSeq;
    private boolean echoReplyPending;
    private RingId lastSentRingId;
    private boolean serverSupportsHeuristics;
    private boolean serverSupportsKap;
    private Scheduler.Cancellable connectTimer;
    private Scheduler.Cancellable echoTimer;
    private Scheduler.Cancellable reconnectTimer;
    private long connectedSinceMillis;
    private long lastEchoReplyMillis;
    private HeuristicsResult connectHeuristics = HeuristicsResult.UNDEFINED;
    private HeuristicsResult membershipHeuristics = HeuristicsResult.UNDEFINED;
    private HeuristicsResult regularHeuristics = HeuristicsResult.UNDEFINED;

    public NetClient(Scheduler scheduler, NetTransport.Factory transports, QdeviceSettings settings, QdeviceConfig config,
                     CastVoteTimer castVote, Heuristics heuristics, NodeView node, Listener listener, Random random) {
        this.scheduler = scheduler;
        this.transports = transports;
        this.settings = settings;
        this.castVote = castVote;
        this.heuristics = heuristics;
        this.node = node;
        this.listener = listener;
        this.random = random;
        this.state = new StateMachine<>("qdevice net client", NetClientState.TRANSITIONS,
                NetClientState.WAITING_CONNECT, Strictness.fromAssertions(), TRANSITIONS.observer("qnetd connection"));
        config(config);
    }

    private void config(QdeviceConfig newConfig) {
        this.config = newConfig;
        this.net = newConfig.device().net().orElseThrow(() -> new IllegalArgumentException(
                "quorum.device.net is not configured"));
        this.algorithm = ClientAlgorithm.of(net.algorithm());
    }

    // ---------------------------------------------------------------- connection life cycle

    /** Starts the connection loop. */
    public void start() {
        connect();
    }

    /** SIGTERM / IPC shutdown: drop the connection and do not reconnect. */
    public void stop() {
        if (state.is(NetClientState.STOPPED)) {
            return;
        }
        cancel(reconnectTimer);
        reconnectTimer = null;
        disconnect(DisconnectReason.LOCAL_SOCKET_CLOSED, "daemon stopping", true);
        // A stopped client casts no more votes: the daemon unregisters the device next, and a poll after
        // that fails with CS_ERR_NOT_EXIST and would be reported as giving up (CANT_SCHEDULE_VOTING_TIMER).
        castVote.stop();
    }

    private void connect() {
        if (state.is(NetClientState.STOPPED)) {
            return;
        }
        generation++;
        LOG.debug("Connecting to {}:{} (attempt {})", net.host(), net.port(), generation);
        connectTimer = scheduler.schedule(this::connectTimedOut, net.connectTimeoutMs(), TimeUnit.MILLISECONDS);
        transport = transports.connect(net, new TransportEvents(generation));
    }

    private void connectTimedOut() {
        connectTimer = null;
        LOG.warn("Connect timeout");
        disconnect(DisconnectReason.CANT_CONNECT_TO_THE_SERVER, "no INIT_REPLY within " + net.connectTimeoutMs() + "ms");
    }

    private void onConnected() {
        state(NetClientState.WAITING_PREINIT_REPLY, "TCP connected");
        transport.send(Messages.preinit(requestSeq, config.clusterName()));
    }

    private void onPreinitReply(PreinitReply reply) {
        if (!seqMatches(reply.seq()) || reply.tlsSupported() == null || reply.tlsClientCertRequired() == null) {
            disconnect(DisconnectReason.REQUIRED_OPTION_MISSING, "PREINIT_REPLY lacks seq, TLS mode or cert flag");
            return;
        }
        switch (TlsDecision.decide(reply.tlsSupported(), net.tls())) {
            case INCOMPATIBLE -> disconnect(DisconnectReason.INCOMPATIBLE_TLS, "server TLS "
                    + reply.tlsSupported().displayName() + ", client TLS " + net.tls().displayName());
            case TLS -> {
                requestSeq++;
                state(NetClientState.WAITING_STARTTLS_BEING_SENT, "starting TLS");
                transport.sendStartTls(Messages.startTls(requestSeq));
            }
            case PLAIN -> sendInit();
        }
    }

    private void onStartTlsSent() {
        if (state.is(NetClientState.WAITING_STARTTLS_BEING_SENT)) {
            sendInit();
        }
    }

    private void sendInit() {
        requestSeq++;
        lastSentRingId = node.ringId();
        state(NetClientState.WAITING_INIT_REPLY, "INIT sent");
        transport.send(Messages.init(requestSeq, config.localNodeId(), net.algorithm(), net.heartbeatIntervalMs(),
                net.tieBreaker(), lastSentRingId));
    }

    private void onInitReply(InitReply reply) {
        if (!seqMatches(reply.seq()) || reply.replyErrorCode() == null) {
            disconnect(DisconnectReason.REQUIRED_OPTION_MISSING, "INIT_REPLY lacks seq or error code");
            return;
        }
        if (reply.replyErrorCode() != ReplyErrorCode.NO_ERROR.code()) {
            ReplyErrorCode known = ReplyErrorCode.fromCode(reply.replyErrorCode());
            disconnect(DisconnectReason.forInitError(reply.replyErrorCode()), "server refused INIT with error "
                    + (known == null ? reply.replyErrorCode() : known));
            return;
        }
        if (reply.serverMaximumRequestSize() == null || reply.serverMaximumReplySize() == null
                || reply.supportedMessages() == null || reply.supportedOptions() == null
                || reply.supportedDecisionAlgorithms() == null) {
            disconnect(DisconnectReason.REQUIRED_OPTION_MISSING, "INIT_REPLY lacks sizes or supported lists");
            return;
        }
        if (reply.serverMaximumRequestSize() < settings.get(QdeviceSettingKeys.NET_MIN_MSG_SEND_SIZE)
                || reply.serverMaximumReplySize() > settings.get(QdeviceSettingKeys.NET_MAX_MSG_RECEIVE_SIZE)) {
            disconnect(DisconnectReason.INCOMPATIBLE_MSG_SIZE, "server sizes " + reply.serverMaximumRequestSize()
                    + "/" + reply.serverMaximumReplySize());
            return;
        }
        transport.setMaxReceiveSize(reply.serverMaximumReplySize().intValue());
        if (!reply.supportedDecisionAlgorithms().contains(net.algorithm().code())) {
            disconnect(DisconnectReason.SERVER_DOESNT_SUPPORT_REQUIRED_ALGORITHM, "server lacks "
                    + net.algorithm().displayName());
            return;
        }
        serverSupportsHeuristics = reply.supportedOptions().contains(OptionType.HEURISTICS.code());
        serverSupportsKap = reply.supportedOptions().contains(OptionType.KEEP_ACTIVE_PARTITION_TIE_BREAKER.code());
        if (heuristics.enabled() && !serverSupportsHeuristics) {
            disconnect(DisconnectReason.SERVER_DOESNT_SUPPORT_REQUIRED_OPT, "server does not support heuristics");
            return;
        }
        cancel(connectTimer);
        connectTimer = null;
        scheduleEcho();
        long attempt = generation;
        heuristics.run(Heuristics.Kind.CONNECT, result -> {
            if (attempt == generation && transport != null && state.is(NetClientState.WAITING_INIT_REPLY)) {
                connectHeuristics = result;
                onConnectHeuristicsDone(result);
            }
        });
    }

    private void onConnectHeuristicsDone(HeuristicsResult result) {
        if (serverSupportsKap) {
            transport.send(Messages.setOption(++requestSeq, null, net.keepActivePartitionTieBreaker()));
        }
        transport.send(configList(NodeListType.INITIAL_CONFIG));
        sendMembership(result);
        transport.send(quorumList());
        castVote.apply(Vote.WAIT_FOR_REPLY);
        connectedSinceMillis = scheduler.currentTimeMillis();
        state(NetClientState.WAITING_VOTEQUORUM_CMAP_EVENTS, "connected");
        LOG.info("Connected to qnetd {}:{} ({}{})", net.host(), net.port(), net.algorithm().displayName(),
                transport.tlsActive() ? ", TLS" : "");
    }

    /**
     * Drops the connection (spec §4.7): timers off, the algorithm's vote applied, then either a
     * reconnect (after a random back-off when the TCP connection had been up) or the daemon gives up.
     */
    private void disconnect(DisconnectReason reason, String why) {
        disconnect(reason, why, false);
    }

    /** @param stopping the daemon stops: no reconnect, and not reported as giving up */
    private void disconnect(DisconnectReason reason, String why, boolean stopping) {
        boolean wasEstablished = state.current().tcpConnected();
        LOG.warn("Disconnected from qnetd {}:{}: {} ({})", net.host(), net.port(), reason, why);
        cancel(connectTimer);
        cancel(echoTimer);
        connectTimer = null;
        echoTimer = null;
        echoReplyPending = false;
        castVote.unpause();
        castVote.apply(algorithm.voteOnDisconnect(node.quorate(), config.waitForAll()));
        NetTransport old = transport;
        transport = null;
        if (old != null) {
            old.close();
        }
        boolean retry = !stopping && !reason.forcesExit() && (reason.retriedByDefault() || algorithm.retryAlways());
        state(retry ? NetClientState.WAITING_CONNECT : NetClientState.STOPPED, "disconnected: " + reason);
        if (!retry) {
            if (!stopping || reason != DisconnectReason.LOCAL_SOCKET_CLOSED) {
                listener.gaveUp(reason);
            }
            return;
        }
        long backoff = wasEstablished ? randomBackoffMs() : 0;
        reconnectTimer = scheduler.schedule(() -> {
            reconnectTimer = null;
            connect();
        }, backoff, TimeUnit.MILLISECONDS);
    }

    private long randomBackoffMs() {
        long limit = (long) Math.floor(0.9 * castVote.intervalMs());
        return limit <= 0 ? 0 : Math.floorMod(random.nextLong(), limit);
    }

    // ---------------------------------------------------------------- messages

    private void onMessage(QnetMessage message) {
        LOG.debug("Received {}", message);
        if (message instanceof ServerError error) {
            disconnect(DisconnectReason.SERVER_SENT_ERROR, "server error " + error.replyErrorCode());
            return;
        }
        if (message instanceof EchoReply echo) {
            onEchoReply(echo);
            return;
        }
        switch (message.type()) {
            case PREINIT_REPLY -> inState(NetClientState.WAITING_PREINIT_REPLY, message, () -> onPreinitReply((PreinitReply) message));
            case INIT_REPLY -> inState(NetClientState.WAITING_INIT_REPLY, message, () -> onInitReply((InitReply) message));
            case SET_OPTION_REPLY -> inState(NetClientState.WAITING_VOTEQUORUM_CMAP_EVENTS, message, () -> { });
            case NODE_LIST_REPLY, ASK_FOR_VOTE_REPLY, HEURISTICS_CHANGE_REPLY ->
                    inState(NetClientState.WAITING_VOTEQUORUM_CMAP_EVENTS, message, () -> onVoteReply(message));
            case VOTE_INFO -> inState(NetClientState.WAITING_VOTEQUORUM_CMAP_EVENTS, message, () -> onVoteInfo((VoteInfo) message));
            default -> disconnect(DisconnectReason.UNEXPECTED_MSG, "server sent " + message.type().displayName());
        }
    }

    private void inState(NetClientState expected, QnetMessage message, Runnable action) {
        if (!state.is(expected)) {
            disconnect(DisconnectReason.UNEXPECTED_MSG, message.type().displayName() + " in state " + state.current());
            return;
        }
        action.run();
    }

    private void onVoteReply(QnetMessage reply) {
        VoteReplies.Vote v = VoteReplies.of(reply);
        if (v.seq() == null || v.vote() == null || v.ringId() == null) {
            disconnect(DisconnectReason.REQUIRED_OPTION_MISSING, reply.type().displayName() + " lacks seq, vote or ring id");
            return;
        }
        castVote.apply(filteredByRing(v.vote(), v.ringId()));
    }

    private void onVoteInfo(VoteInfo info) {
        if (info.seq() == null || info.vote() == null || info.ringId() == null) {
            disconnect(DisconnectReason.REQUIRED_OPTION_MISSING, "VOTE_INFO lacks seq, vote or ring id");
            return;
        }
        LOG.debug("qnetd voted {} for ring {}", info.vote().displayName(), info.ringId());
        castVote.apply(filteredByRing(info.vote(), info.ringId()));
        transport.send(Messages.voteInfoReply(info.seq()));
    }

    /** A vote for a ring we no longer report is stale: keep the current vote (spec §6.1). */
    private Vote filteredByRing(Vote vote, RingId ring) {
        return ring.equals(lastSentRingId) ? vote : Vote.NO_CHANGE;
    }

    private void onEchoReply(EchoReply echo) {
        if (echo.seq() == null || echo.seq() != echoSeq) {
            disconnect(DisconnectReason.ALGO_ECHO_REPLY_RECEIVED_ERR, "echo reply seq " + echo.seq() + ", expected " + echoSeq);
            return;
        }
        echoReplyPending = false;
        lastEchoReplyMillis = scheduler.currentTimeMillis();
    }

    private void scheduleEcho() {
        echoSeq = 0;
        echoReplyPending = false;
        echoTimer = scheduler.schedule(this::onEchoTimer, net.heartbeatIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private void onEchoTimer() {
        echoTimer = null;
        if (echoReplyPending && !algorithm.toleratesMissingEchoReply(node.quorate(), config.waitForAll())) {
            disconnect(DisconnectReason.ALGO_ECHO_REPLY_NOT_RECEIVED_ERR, "no echo reply within "
                    + net.heartbeatIntervalMs() + "ms");
            return;
        }
        if (!echoReplyPending) {
            echoSeq++;
            echoReplyPending = true;
            transport.send(Messages.echoRequest(echoSeq));
        }
        echoTimer = scheduler.schedule(this::onEchoTimer, net.heartbeatIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private boolean seqMatches(Long seq) {
        return seq != null && seq == requestSeq;
    }

    // ---------------------------------------------------------------- node events (spec §6.2)

    /** votequorum's node-list callback: a membership change (sync) has started. */
    public void nodeListChanged(NodeListNotification notification) {
        node.membership(notification);
        heuristics.stopRegular();
        castVote.pause();
        castVote.apply(state.current().connected() ? Vote.NO_CHANGE : castVote.ackToNack());
        heuristics.run(Heuristics.Kind.MEMBERSHIP, result -> membershipHeuristicsDone(notification.ringId(), result));
    }

    /**
     * The first membership reached the daemon before the client existed (the daemon waits for it to start). The
     * C daemon runs the membership heuristics for it like for any later one, so its status shows "membership:
     * Pass" from the start; we did not, and showed Undefined until the first membership change. Only the result
     * is kept: the connect heuristics already go to qnetd with the first membership node list.
     */
    public void initialMembershipHeuristics() {
        RingId ring = node.ringId();
        heuristics.run(Heuristics.Kind.MEMBERSHIP, result -> {
            if (ring.equals(node.ringId()) && membershipHeuristics == HeuristicsResult.UNDEFINED) {
                membershipHeuristics = result;
            }
        });
    }

    private void membershipHeuristicsDone(RingId ring, HeuristicsResult result) {
        if (!ring.equals(node.ringId())) {
            return; // a newer membership superseded this one
        }
        membershipHeuristics = result;
        Vote vote;
        if (state.current().connected()) {
            sendMembership(result);
            vote = Vote.WAIT_FOR_REPLY;
        } else {
            vote = castVote.ackToNack();
        }
        castVote.unpause();
        castVote.apply(vote);
        heuristics.startRegular(this::regularHeuristicsDone);
    }

    /** votequorum's quorum callback: the membership change is complete. */
    public void quorumChanged(QuorumNotification notification) {
        node.quorum(notification);
        if (state.current().connected()) {
            transport.send(quorumList());
        } else {
            castVote.apply(castVote.ackToNack());
        }
    }

    /** The cmap node list changed (corosync.conf reload). */
    public void configChanged(QdeviceConfig newConfig) {
        boolean listChanged = !newConfig.nodes().equals(config.nodes())
                || !newConfig.configVersion().equals(config.configVersion());
        config(newConfig);
        if (!listChanged) {
            return;
        }
        if (state.current().connected()) {
            transport.send(configList(NodeListType.CHANGED_CONFIG));
        } else {
            castVote.apply(castVote.ackToNack());
        }
    }

    private void regularHeuristicsDone(HeuristicsResult result) {
        regularHeuristics = result;
        if (result != node.lastHeuristics() && state.current().connected() && serverSupportsHeuristics
                && result != HeuristicsResult.UNDEFINED) {
            transport.send(Messages.heuristicsChange(++requestSeq, result));
        }
        node.lastHeuristics(result);
    }

    private void sendMembership(HeuristicsResult result) {
        lastSentRingId = node.ringId();
        node.lastHeuristics(result);
        List<NodeInfo> members = node.memberIds().stream().map(NodeInfo::of).toList();
        transport.send(Messages.nodeList(++requestSeq, NodeListType.MEMBERSHIP, lastSentRingId, null, null, members,
                heuristics.mode() == HeuristicsMode.OFF ? null : result));
    }

    private QnetMessage configList(NodeListType type) {
        List<NodeInfo> nodes = config.nodes().stream()
                .map(n -> new NodeInfo(n.nodeId(), n.datacenterId(), null)).toList();
        Long version = config.configVersion().isPresent() ? config.configVersion().getAsLong() : null;
        return Messages.nodeList(++requestSeq, type, null, version, null, nodes, null);
    }

    private QnetMessage quorumList() {
        List<NodeInfo> nodes = node.quorumNodes().stream().filter(n -> n.nodeId() != 0)
                .map(n -> NodeInfo.of(n.nodeId(), n.state())).toList();
        return Messages.nodeList(++requestSeq, NodeListType.QUORUM, null, null, node.quorate(), nodes, null);
    }

    // ---------------------------------------------------------------- state and status

    /** Every state change: checked against {@link NetClientState#TRANSITIONS}, logged at debug and counted. */
    private void state(NetClientState next, String why) {
        state.moveTo(next, why, scheduler.nanoTime());
    }

    private static void cancel(Scheduler.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    public NetClientState state() {
        return state.current();
    }

    /** "Connect failed": every address failed and the connect timer still runs (status output). */
    public boolean connectFailed() {
        return state.is(NetClientState.CONNECT_FAILED);
    }

    public boolean tlsActive() {
        return transport != null && transport.tlsActive();
    }

    public boolean clientCertificateSent() {
        return transport != null && transport.clientCertificateSent();
    }

    public long connectedSinceMillis() {
        return state.current().connected() ? connectedSinceMillis : 0;
    }

    public long lastEchoReplyMillis() {
        return lastEchoReplyMillis;
    }

    public boolean serverSupportsKap() {
        return serverSupportsKap;
    }

    public HeuristicsResult connectHeuristics() {
        return connectHeuristics;
    }

    public HeuristicsResult membershipHeuristics() {
        return membershipHeuristics;
    }

    public HeuristicsResult regularHeuristics() {
        return regularHeuristics;
    }

    public Heuristics heuristics() {
        return heuristics;
    }

    public NodeView node() {
        return node;
    }

    public QdeviceConfig config() {
        return config;
    }

    public NetSettings net() {
        return net;
    }

    public CastVoteTimer castVote() {
        return castVote;
    }

    /**
     * Routes one transport's events to the client while that transport is the current one: each carries the
     * generation (connection attempt) it was made for, and events of an older attempt, or of one that ended,
     * are dropped (a close, a message or "STARTTLS sent" can still be on their way from a superseded channel).
     */
    private final class TransportEvents implements NetTransport.Events {
        private final long attempt;

        TransportEvents(long attempt) {
            this.attempt = attempt;
        }

        private boolean current() {
            if (attempt == generation && transport != null) {
                return true;
            }
            LOG.debug("Dropped an event of connection attempt {} (now attempt {}{})", attempt, generation,
                    transport == null ? ", disconnected" : "");
            return false;
        }

        @Override
        public void connected() {
            if (current() && state.is(NetClientState.WAITING_CONNECT)) {
                onConnected();
            }
        }

        @Override
        public void connectFailed(String why) {
            if (current() && state.is(NetClientState.WAITING_CONNECT)) {
                LOG.warn("Can't connect to qnetd host {}:{}: {}", net.host(), net.port(), why);
                state(NetClientState.CONNECT_FAILED, "every address failed: " + why);
            }
        }

        @Override
        public void received(QnetMessage message) {
            if (current()) {
                onMessage(message);
            }
        }

        @Override
        public void badInput(DisconnectReason reason, String why) {
            if (current()) {
                disconnect(reason, why);
            }
        }

        @Override
        public void startTlsSent() {
            if (current()) {
                onStartTlsSent();
            }
        }

        @Override
        public void closed(DisconnectReason reason, String why) {
            if (current()) {
                disconnect(reason, why);
            }
        }
    }
}
