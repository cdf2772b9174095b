package org.quorate.bench.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.quorate.certs.pki.Names;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.protocol.message.EchoReply;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.NodeListReply;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.ServerError;
import org.quorate.protocol.message.SetOptionReply;
import org.quorate.protocol.message.VoteInfo;

/**
 * One simulated corosync-qdevice (model net, ffsplit, tie-breaker lowest) that sends what the real
 * client sends (vectors/sessions/plain.decoded.txt): PREINIT, STARTTLS, INIT, SET_OPTION(KAP), the
 * INITIAL_CONFIG / MEMBERSHIP / QUORUM node lists, an ECHO_REQUEST every heartbeat, and a
 * VOTE_INFO_REPLY for every VOTE_INFO. Like the real client it starts its echo timer at INIT_REPLY and
 * drops the connection when an echo reply is still missing at the next heartbeat. The node outlives its
 * connections: the fleet reconnects it ({@link ReconnectPolicy}) and it starts over with its current
 * membership.
 *
 * <p>Everything here runs on the node's own event loop, so the fields need no locks.
 */
public final class SimulatedNode {
    private final Fleet fleet;
    private final String cluster;
    private final long nodeId;
    private final List<Long> configured;
    private final EventLoop loop;

    /** Read by the fleet's progress snapshot from another thread. */
    private volatile NodePhase phase = NodePhase.IDLE;
    /**
     * The fleet's bookkeeping: position (for the source address), whether a ramp slot is held, and the
     * channel of the current connection attempt (null between attempts).
     */
    int index;
    boolean rampSlotHeld;
    /** When the fleet's next attempt for this node is due (System.nanoTime), 0 when none is scheduled. */
    long dueNanos;
    Channel attempt;
    /** Started with each attempt, cancelled by INIT_REPLY (qdevice's connect timer). */
    private ScheduledFuture<?> connectTimer;
    private Channel channel;
    private long seq;
    private Membership membership;
    private int initEpoch = -1;
    private int voteEpoch = -1;
    private ScheduledFuture<?> echoTimer;
    private long echoSeq;
    private long echoSentNanos;
    private boolean echoPending;
    private RingId splitRing;
    private long splitSentNanos;
    private boolean splitVoteSeen;

    SimulatedNode(Fleet fleet, String cluster, long nodeId, List<Long> configured, EventLoop loop) {
        this.fleet = fleet;
        this.cluster = cluster;
        this.nodeId = nodeId;
        this.configured = List.copyOf(configured);
        this.loop = loop;
        this.membership = Membership.whole(configured);
    }

    public String cluster() {
        return cluster;
    }

    public long nodeId() {
        return nodeId;
    }

    EventLoop loop() {
        return loop;
    }

    NodePhase phase() {
        return phase;
    }

    // ---- connection life cycle (called by the fleet and the channel handler) ----

    void connecting() {
        transition(NodePhase.CONNECTING);
    }

    void connected(Channel ch) {
        channel = ch;
        seq = 0;
        transition(NodePhase.AWAIT_PREINIT_REPLY);
        send(Messages.preinit(++seq, cluster));
    }

    void armConnectTimer(ScheduledFuture<?> timer) {
        connectTimer = timer;
    }

    void disconnected() {
        cancelConnectTimer();
        if (echoTimer != null) {
            echoTimer.cancel(false);
            echoTimer = null;
        }
        echoPending = false;
        channel = null;
        transition(NodePhase.IDLE);
    }

    /** The TLS handshake finished; the server must present CN=Qnetd Server, as the C client checks. */
    void tlsEstablished(SslHandler ssl) {
        if (phase != NodePhase.TLS_HANDSHAKE) {
            fail("tls-handshake-out-of-order");
            return;
        }
        Optional<String> cn = peerCommonName(ssl);
        if (cn.isEmpty() || !cn.get().equals(Names.SERVER_COMMON_NAME)) {
            fail("server-certificate-cn-mismatch");
            return;
        }
        sendInit();
    }

    void received(QnetMessage message) {
        switch (phase) {
            case AWAIT_PREINIT_REPLY -> onPreinitReply(message);
            case AWAIT_INIT_REPLY -> onInitReply(message);
            case AWAIT_SET_OPTION_REPLY -> onSetOptionReply(message);
            case ACTIVE -> onActiveMessage(message);
            default -> fail("unexpected-" + message.type());
        }
    }

    // ---- one method per phase ----

    private void onPreinitReply(QnetMessage message) {
        if (!(message instanceof PreinitReply reply)) {
            fail("expected-preinit-reply-got-" + message.type());
            return;
        }
        if (fleet.settings().tls()) {
            if (reply.tlsSupported() == null || reply.tlsSupported() == TlsSupported.UNSUPPORTED) {
                fail("server-without-tls");
                return;
            }
            // STARTTLS goes out in plain text; the TLS handler in front of it then starts the handshake.
            send(Messages.startTls(++seq));
            transition(NodePhase.TLS_HANDSHAKE);
            channel.pipeline().addFirst("tls", fleet.newSslHandler(channel, cluster));
        } else if (reply.tlsSupported() == TlsSupported.REQUIRED) {
            fail("server-requires-tls");
        } else {
            sendInit();
        }
    }

    private void sendInit() {
        transition(NodePhase.AWAIT_INIT_REPLY);
        send(Messages.init(++seq, nodeId, DecisionAlgorithm.FFSPLIT, fleet.settings().heartbeatMillis(),
                TieBreaker.LOWEST, membership.ring()));
    }

    private void onInitReply(QnetMessage message) {
        if (!(message instanceof InitReply reply)) {
            fail("expected-init-reply-got-" + message.type());
            return;
        }
        if (reply.errorCode() != ReplyErrorCode.NO_ERROR) {
            fail("init-error-" + reply.replyErrorCode());
            return;
        }
        // fully connected as far as the real client's connect timer is concerned; its echo timer starts now
        cancelConnectTimer();
        long heartbeat = fleet.settings().heartbeatMillis();
        echoTimer = loop.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        transition(NodePhase.AWAIT_SET_OPTION_REPLY);
        send(Messages.setOption(++seq, null, true));
    }

    private void cancelConnectTimer() {
        if (connectTimer != null) {
            connectTimer.cancel(false);
            connectTimer = null;
        }
    }

    private void onSetOptionReply(QnetMessage message) {
        if (message instanceof VoteInfo) {
            // a cluster peer's disconnect makes ffsplit push votes to every INITed client, even this one
            onActiveMessage(message);
            return;
        }
        if (!(message instanceof SetOptionReply)) {
            fail("expected-set-option-reply-got-" + message.type());
            return;
        }
        transition(NodePhase.ACTIVE);
        FleetCounters counters = fleet.counters();
        if (initEpoch != counters.epoch) {
            initEpoch = counters.epoch;
            counters.initDone(System.nanoTime());
        }
        fleet.initCompleted(this);
        sendNodeLists();
    }

    private void sendNodeLists() {
        send(Messages.nodeList(++seq, NodeListType.INITIAL_CONFIG, null, 1L, null,
                configured.stream().map(org.quorate.protocol.NodeInfo::of).toList(), null));
        sendMembership();
        send(Messages.nodeList(++seq, NodeListType.QUORUM, null, null, membership.quorate(configured.size()),
                membership.quorumInfos(), null));
    }

    private void sendMembership() {
        send(Messages.nodeList(++seq, NodeListType.MEMBERSHIP, membership.ring(), null, null,
                membership.memberInfos(), null));
    }

    private void onActiveMessage(QnetMessage message) {
        if (message instanceof VoteInfo info) {
            send(Messages.voteInfoReply(info.seq()));
            voteReceived(info.vote(), info.ringId());
        } else if (message instanceof NodeListReply reply) {
            voteReceived(reply.vote(), reply.ringId());
        } else if (message instanceof EchoReply reply) {
            if (echoPending && reply.seq() != null && reply.seq() == echoSeq) {
                echoPending = false;
                fleet.counters().echoRtt().record(System.nanoTime() - echoSentNanos);
            }
        } else if (message instanceof ServerError error) {
            fail("server-error-" + error.replyErrorCode());
        }
    }

    private void voteReceived(Vote vote, RingId ring) {
        if (vote != Vote.ACK && vote != Vote.NACK) {
            return;
        }
        FleetCounters counters = fleet.counters();
        if (voteEpoch != counters.epoch) {
            voteEpoch = counters.epoch;
            counters.firstVotes.incrementAndGet();
        }
        if (splitRing != null && !splitVoteSeen && splitRing.equals(ring)) {
            splitVoteSeen = true;
            long latency = System.nanoTime() - splitSentNanos;
            counters.voteLatency().record(latency);
            (vote == Vote.ACK ? counters.ackLatency() : counters.nackLatency()).record(latency);
            // tie-breaker LOWEST: the half with the lowest configured node id keeps the vote
            Vote expected = nodeId == configured.get(0) ? Vote.ACK : Vote.NACK;
            if (vote != expected) {
                counters.unexpectedSplitVotes.incrementAndGet();
            }
        }
    }

    private void heartbeat() {
        if (phase != NodePhase.AWAIT_SET_OPTION_REPLY && phase != NodePhase.ACTIVE) {
            return;
        }
        if (echoPending) {
            // "Server didn't send echo reply message on time": ffsplit disconnects, then the node reconnects
            fleet.counters().missedEchoReplies.increment();
            fail("echo-reply-missing");
            return;
        }
        echoPending = true;
        echoSentNanos = System.nanoTime();
        send(Messages.echoRequest(++echoSeq));
    }

    /** Corosync reports that this node is now alone in its own ring; must run on {@link #loop()}. */
    void split() {
        membership = Membership.alone(nodeId);
        splitRing = membership.ring();
        splitVoteSeen = false;
        if (phase == NodePhase.ACTIVE) {
            splitSentNanos = System.nanoTime();
            sendMembership();
        }
    }

    // ---- helpers ----

    private void send(QnetMessage message) {
        if (channel != null) {
            channel.writeAndFlush(message, channel.voidPromise());
        }
    }

    void fail(String reason) {
        fleet.counters().error(reason);
        if (channel != null) {
            channel.close();
        }
    }

    private void transition(NodePhase next) {
        phase = next;
    }

    private static Optional<String> peerCommonName(SslHandler ssl) {
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Names.commonNameOf(leaf)
                    : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }
}
