package org.quorate.qnetd.server;

import org.quorate.protocol.ClusterName;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.message.AskForVote;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.HeuristicsChange;
import org.quorate.protocol.message.Init;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.NodeList;
import org.quorate.protocol.message.Preinit;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.SetOption;
import org.quorate.protocol.message.VoteInfoReply;
import org.quorate.qnetd.algorithm.ClientState;
import org.quorate.qnetd.algorithm.ClusterState;
import org.quorate.qnetd.algorithm.Outcome;
import org.quorate.daemon.TransitionLog;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.state.StateMachine;
import org.quorate.state.Strictness;
import org.quorate.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.X509Certificate;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.quorate.qnetd.config.QnetdSettingKeys.DPD_ENABLED;
import static org.quorate.qnetd.config.QnetdSettingKeys.HEARTBEAT_INTERVAL_MAX;
import static org.quorate.qnetd.config.QnetdSettingKeys.HEARTBEAT_INTERVAL_MIN;
import static org.quorate.qnetd.config.QnetdSettingKeys.KEEP_ACTIVE_PARTITION_TIE_BREAKER;
import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_RECEIVE_SIZE;
import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_SEND_SIZE;

/**
 * One client connection of the server: the per-connection rules of spec §4.2–§4.4 (PREINIT, STARTTLS,
 * the TLS check, INIT validation, the request dispatch table, dead-peer detection). Cluster-wide
 * decisions go to the algorithms through {@link VoteDispatcher}. Single-threaded: every method runs
 * on the server's logic thread, and time comes from the {@link Scheduler}.
 */
public final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final TransitionLog<SessionPhase> TRANSITIONS = new TransitionLog<>(LOG, SessionPhase.class);

    private final ClientConnection connection;
    private final QnetdSettings settings;
    private final Scheduler scheduler;
    private final ClusterRegistry registry;
    private final VoteDispatcher votes;
    private final QnetdEvents events;

    private final StateMachine<SessionPhase> phase;
    private ClusterName clusterName;
    private ClientState client;
    private ClusterName joinedCluster;
    private long heartbeatMs;

    private long deadPeerTimeoutNanos;
    private long lastMessageNanos;
    private long lastEchoNanos;
    private Scheduler.Cancellable deadPeerTimer;

    ClientSession(ClientConnection connection, ServerContext context) {
        this.connection = connection;
        this.settings = context.settings();
        this.scheduler = context.scheduler();
        this.registry = context.registry();
        this.votes = context.votes();
        this.events = context.events();
        this.phase = new StateMachine<>("qnetd client session", SessionPhase.TRANSITIONS, SessionPhase.CONNECTED,
                Strictness.fromAssertions(), TRANSITIONS.observer("Client " + connection.remoteAddress()));
    }

    private void enter(SessionPhase next, String reason) {
        phase.moveTo(next, reason, scheduler.nanoTime());
    }

    /** The connection was accepted: start the pre-INIT dead-peer timer (spec quirk Q7). */
    public void opened() {
        registry.opened(this);
        lastMessageNanos = scheduler.nanoTime();
        restartDeadPeerTimer(settings.deadPeerTimeoutMs(QnetdSettings.PRE_INIT_HEARTBEAT_MS));
        LOG.debug("New client connected from {}", connection.remoteAddress());
    }

    /** A complete frame arrived that was not skipped; it restarts the dead-peer timer even if it fails to decode. */
    public void frameReceived() {
        lastMessageNanos = scheduler.nanoTime();
    }

    /** The reader skipped a frame (unknown type or too long): answer without a sequence number. */
    public void frameSkipped(ReplyErrorCode reason, int typeCode, long length) {
        LOG.warn("Client {} sent {} (type {}, {} bytes); sending server error {}", connection.remoteAddress(),
                reason == ReplyErrorCode.MESSAGE_TOO_LONG ? "a message that is too long" : "an unsupported message",
                typeCode, length, reason.code());
        sendError(null, reason);
    }

    /** The body did not decode: SERVER_ERROR 9 with the sequence number if it was read before the error. */
    public void decodeFailed(Long seq, String problem) {
        LOG.warn("Client {} sent a message that can't be decoded: {}", connection.remoteAddress(), problem);
        sendError(seq, ReplyErrorCode.ERROR_DECODING_MSG);
    }

    /**
     * Dispatches one decoded message (spec §4.2 table); returns how the connection reads on, which is
     * {@link NextBytes#TLS_HANDSHAKE} only for an accepted STARTTLS.
     */
    public NextBytes received(QnetMessage message) {
        if (phase.is(SessionPhase.CLOSED)) {
            return NextBytes.PLAINTEXT;
        }
        LOG.debug("Client {} sent {}", connection.remoteAddress(), message);
        switch (message.type()) {
            case PREINIT -> onPreinit((Preinit) message);
            case STARTTLS -> {
                return onStartTls(message);
            }
            case INIT -> whenTlsAllows(message, () -> onInit((Init) message));
            case SET_OPTION -> whenInitialised(message, () -> onSetOption((SetOption) message));
            case ECHO_REQUEST -> whenInitialised(message, () -> onEchoRequest((EchoRequest) message));
            case NODE_LIST -> whenInitialised(message, () -> onNodeList((NodeList) message));
            case ASK_FOR_VOTE -> whenInitialised(message, () -> onAskForVote((AskForVote) message));
            case VOTE_INFO_REPLY -> whenInitialised(message, () -> onVoteInfoReply((VoteInfoReply) message));
            case HEURISTICS_CHANGE -> whenInitialised(message, () -> onHeuristicsChange((HeuristicsChange) message));
            default -> {
                LOG.warn("Client {} sent a server-only message {}", connection.remoteAddress(), message.type().displayName());
                sendError(message.seq(), ReplyErrorCode.UNEXPECTED_MESSAGE);
            }
        }
        return NextBytes.PLAINTEXT;
    }

    /** The connection ended, for any reason. */
    public void closed(boolean serverGoingDown) {
        if (phase.is(SessionPhase.CLOSED)) {
            return;
        }
        enter(SessionPhase.CLOSED, serverGoingDown ? "server going down" : "connection closed");
        cancelDeadPeerTimer();
        registry.closed(this);
        if (client != null) {
            votes.disconnected(this, serverGoingDown);
            registry.unbind(client, joinedCluster);
        }
    }

    private void onPreinit(Preinit preinit) {
        if (preinit.clusterName() == null) {
            sendError(preinit.seq(), ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION);
            return;
        }
        if (phase.current().certificateVerified() && !preinit.clusterName().equals(clusterName)) {
            // Errata E-02: the C server accepts a new name after the certificate was checked, which lets one
            // cluster's certificate join any other cluster. Quorate holds the name to the certificate.
            LOG.warn("Client {} tried to change its cluster name from \"{}\" to \"{}\" after its certificate was "
                    + "verified. Disconnecting client", connection.remoteAddress(), clusterName, preinit.clusterName());
            events.tlsFailure(TlsFailureReason.CLUSTER_NAME_CHANGED);
            close("cluster name changed after certificate check");
            return;
        }
        clusterName = preinit.clusterName();
        if (phase.is(SessionPhase.CONNECTED)) {
            enter(SessionPhase.PREINIT_RECEIVED, "PREINIT for cluster \"" + clusterName + "\"");
        }
        connection.send(Messages.preinitReply(preinit.seq(), settings.tls(), settings.clientCertRequired()));
    }

    private NextBytes onStartTls(QnetMessage startTls) {
        if (!phase.current().preinitReceived()) {
            sendError(startTls.seq(), ReplyErrorCode.PREINIT_REQUIRED);
            return NextBytes.PLAINTEXT;
        }
        if (settings.tls() == TlsSupported.UNSUPPORTED) {
            // Errata E-06: the C server fails to set up TLS without a certificate and drops the client.
            LOG.warn("Client {} asked for TLS but TLS is off. Disconnecting client", connection.remoteAddress());
            events.tlsFailure(TlsFailureReason.TLS_OFF);
            close("STARTTLS with TLS off");
            return NextBytes.PLAINTEXT;
        }
        enter(phase.current().afterStartTls(), phase.current().tlsStarted() ? "STARTTLS again" : "STARTTLS");
        return NextBytes.TLS_HANDSHAKE;
    }

    private void whenTlsAllows(QnetMessage message, Runnable action) {
        switch (TlsCheck.decide(settings.tls(), settings.clientCertRequired(), phase.current().tlsStarted(),
                phase.current().certificateVerified())) {
            case TLS_REQUIRED -> {
                LOG.warn("Client {} sent {} without TLS but TLS is required", connection.remoteAddress(),
                        message.type().displayName());
                sendError(message.seq(), ReplyErrorCode.TLS_REQUIRED);
            }
            case CHECK_CERTIFICATE -> {
                if (verifyCertificate()) {
                    action.run();
                }
            }
            case PROCEED -> action.run();
        }
    }

    private void whenInitialised(QnetMessage message, Runnable action) {
        whenTlsAllows(message, () -> {
            if (!phase.current().initialised()) {
                sendError(message.seq(), ReplyErrorCode.INIT_REQUIRED);
            } else {
                action.run();
            }
        });
    }

    private boolean verifyCertificate() {
        X509Certificate certificate = connection.peerCertificate();
        if (certificate == null) {
            LOG.error("Client {} didn't send a certificate. Disconnecting client", connection.remoteAddress());
            events.tlsFailure(TlsFailureReason.NO_CLIENT_CERTIFICATE);
            close("no client certificate");
            return false;
        }
        String name = clusterName == null ? "" : clusterName.asString();
        if (!CertificateNames.matches(certificate, name)) {
            LOG.error("Client {} doesn't sent certificate with valid CN (certificate CN \"{}\", cluster \"{}\"). "
                    + "Disconnecting client", connection.remoteAddress(), CertificateNames.commonName(certificate), name);
            events.tlsFailure(TlsFailureReason.CERTIFICATE_NAME_MISMATCH);
            close("certificate name does not match cluster name");
            return false;
        }
        enter(phase.current().afterCertificateCheck(), "certificate CN matches cluster \"" + name + "\"");
        return true;
    }

    private void onInit(Init init) {
        ReplyErrorCode err = InitCheck.check(init, phase.current().preinitReceived(),
                settings.get(HEARTBEAT_INTERVAL_MIN).toMillis(), settings.get(HEARTBEAT_INTERVAL_MAX).toMillis());
        if (err == ReplyErrorCode.NO_ERROR) {
            err = join(init);
        }
        if (err != ReplyErrorCode.NO_ERROR) {
            LOG.warn("Client {} (cluster \"{}\", node {}) INIT refused with error {}", connection.remoteAddress(),
                    clusterName, init.nodeId(), err);
            events.serverError(err);
        }
        connection.send(Messages.initReply(init.seq(), err, init.supportedMessages() != null,
                init.supportedOptions() != null, settings.get(MAX_CLIENT_RECEIVE_SIZE), settings.get(MAX_CLIENT_SEND_SIZE)));
    }

    private ReplyErrorCode join(Init init) {
        DecisionAlgorithm algorithm = DecisionAlgorithm.fromCode(init.decisionAlgorithm());
        ClusterState cluster = registry.find(clusterName);
        if (cluster != null) {
            ReplyErrorCode compat = cluster.compatibilityError(init.nodeId(), algorithm, init.tieBreaker());
            if (compat != ReplyErrorCode.NO_ERROR) {
                return compat;
            }
        }
        if (client != null) {
            // A second INIT on an initialised connection finds the client itself (spec §4.4).
            return ReplyErrorCode.DUPLICATE_NODE_ID;
        }
        heartbeat(init.heartbeatInterval());
        client = new ClientState(init.nodeId(), algorithm, init.tieBreaker(),
                settings.get(KEEP_ACTIVE_PARTITION_TIE_BREAKER), init.ringId());
        joinedCluster = clusterName;
        cluster = registry.clusterFor(clusterName);
        registry.bind(client, this);
        Outcome outcome = votes.clientInit(this, cluster);
        if (outcome.isError()) {
            return outcome.error();
        }
        enter(phase.current().afterInit(), "INIT accepted for node " + init.nodeId());
        LOG.info("Client {} joined cluster \"{}\" as node {} ({}, heartbeat {}ms)", connection.remoteAddress(),
                clusterName, init.nodeId(), algorithm.displayName(), heartbeatMs);
        return ReplyErrorCode.NO_ERROR;
    }

    private void onEchoRequest(EchoRequest echo) {
        long now = scheduler.nanoTime();
        if (lastEchoNanos != 0 && heartbeatMs > 0) {
            long sinceLastMs = TimeUnit.NANOSECONDS.toMillis(now - lastEchoNanos);
            events.heartbeatLag(Math.max(0, sinceLastMs - heartbeatMs));
        }
        lastEchoNanos = now;
        connection.send(Messages.echoReply(echo));
    }

    private void onSetOption(SetOption option) {
        Long hb = option.heartbeatInterval();
        if (hb != null && (hb < settings.get(HEARTBEAT_INTERVAL_MIN).toMillis() || hb > settings.get(HEARTBEAT_INTERVAL_MAX).toMillis())) {
            sendError(option.seq(), ReplyErrorCode.INVALID_HEARTBEAT_INTERVAL);
            return;
        }
        if (hb != null) {
            heartbeat(hb);
        }
        if (option.keepActivePartitionTieBreaker() != null) {
            client.keepActivePartition(option.keepActivePartitionTieBreaker());
        }
        connection.send(Messages.setOptionReply(option.seq(), hb == null ? null : heartbeatMs,
                option.keepActivePartitionTieBreaker() == null ? null : client.keepActivePartition()));
    }

    private void onNodeList(NodeList list) {
        if (list.nodeListType() == null || list.seq() == null
                || (list.nodeListType() == NodeListType.MEMBERSHIP && list.ringId() == null)
                || (list.nodeListType() == NodeListType.QUORUM && list.quorate() == null)) {
            sendError(list.seq(), ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION);
            return;
        }
        Outcome outcome = switch (list.nodeListType()) {
            case INITIAL_CONFIG, CHANGED_CONFIG -> votes.configNodeList(this, list.seq(),
                    list.nodeListType() == NodeListType.INITIAL_CONFIG,
                    list.configVersion() == null ? OptionalLong.empty() : OptionalLong.of(list.configVersion()),
                    list.nodes());
            case MEMBERSHIP -> votes.membershipNodeList(this, list.seq(), list.ringId(), list.nodes(),
                    list.heuristics() == null ? HeuristicsResult.UNDEFINED : list.heuristics());
            case QUORUM -> votes.quorumNodeList(this, list.seq(), list.quorate(), list.nodes());
        };
        if (!answerError(list.seq(), outcome)) {
            connection.send(Messages.nodeListReply(list.seq(), list.nodeListType(), client.ringId(), outcome.replyVote()));
        }
    }

    private void onAskForVote(AskForVote ask) {
        if (ask.seq() == null) {
            sendError(null, ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION);
            return;
        }
        Outcome outcome = votes.askForVote(this, ask.seq());
        if (!answerError(ask.seq(), outcome)) {
            connection.send(Messages.askForVoteReply(ask.seq(), outcome.replyVote(), client.ringId()));
        }
    }

    private void onVoteInfoReply(VoteInfoReply reply) {
        if (reply.seq() == null) {
            sendError(null, ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION);
            return;
        }
        answerError(reply.seq(), votes.voteInfoReply(this, reply.seq()));
    }

    private void onHeuristicsChange(HeuristicsChange change) {
        if (change.seq() == null || change.heuristics() == null || change.heuristics() == HeuristicsResult.UNDEFINED) {
            sendError(change.seq(), ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION);
            return;
        }
        Outcome outcome = votes.heuristicsChange(this, change.seq(), change.heuristics());
        if (!answerError(change.seq(), outcome)) {
            connection.send(Messages.heuristicsChangeReply(change.seq(), outcome.replyVote(), client.ringId(),
                    change.heuristics()));
        }
    }

    /** Sends SERVER_ERROR for an algorithm error; true when there was one. */
    private boolean answerError(Long seq, Outcome outcome) {
        if (outcome.isError()) {
            LOG.warn("Algorithm refused a message from client {} (node {}): error {}", connection.remoteAddress(),
                    client.nodeId(), outcome.error());
            sendError(seq, outcome.error());
            return true;
        }
        return false;
    }

    private void heartbeat(long ms) {
        heartbeatMs = ms;
        if (settings.get(DPD_ENABLED)) {
            restartDeadPeerTimer(settings.deadPeerTimeoutMs(ms));
        }
    }

    void sendError(Long seq, ReplyErrorCode code) {
        events.serverError(code);
        connection.send(Messages.serverError(seq, code));
    }

    void close(String reason) {
        connection.close(reason);
    }

    /*
     * Dead-peer detection restarts on every message in the C server. Re-arming a timer per message would
     * churn the scheduler with 10,000 clients, so the timer fires at the deadline of the last restart and,
     * if a message came since, re-arms itself for the remaining time.
     */
    private void restartDeadPeerTimer(long timeoutMs) {
        if (!settings.get(DPD_ENABLED)) {
            return;
        }
        cancelDeadPeerTimer();
        deadPeerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lastMessageNanos = scheduler.nanoTime();
        deadPeerTimer = scheduler.schedule(this::checkDeadPeer, deadPeerTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void checkDeadPeer() {
        if (phase.is(SessionPhase.CLOSED)) {
            return;
        }
        long idle = scheduler.nanoTime() - lastMessageNanos;
        if (idle >= deadPeerTimeoutNanos) {
            LOG.warn("Client {} doesn't sent any message during {}ms. Disconnecting", connection.remoteAddress(),
                    TimeUnit.NANOSECONDS.toMillis(deadPeerTimeoutNanos));
            events.clientDisconnected("dead_peer");
            close("dead peer");
            return;
        }
        deadPeerTimer = scheduler.schedule(this::checkDeadPeer, deadPeerTimeoutNanos - idle, TimeUnit.NANOSECONDS);
    }

    private void cancelDeadPeerTimer() {
        if (deadPeerTimer != null) {
            deadPeerTimer.cancel();
            deadPeerTimer = null;
        }
    }

    // ---- read by the vote dispatcher and the status snapshot ----

    ClientConnection connection() {
        return connection;
    }

    ClientState client() {
        return client;
    }

    ClusterName clusterName() {
        return joinedCluster;
    }

    long heartbeatMs() {
        return heartbeatMs;
    }

    SessionPhase phase() {
        return phase.current();
    }

    boolean tlsStarted() {
        return phase.current().tlsStarted();
    }

    boolean certificateVerified() {
        return phase.current().certificateVerified();
    }

    boolean initialised() {
        return phase.current().initialised();
    }
}
