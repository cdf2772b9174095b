package org.quorate.qdevice.net;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.Init;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.NodeList;
import org.quorate.protocol.message.Preinit;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.SetOption;
import org.quorate.protocol.message.StartTls;
import org.quorate.qdevice.backend.ConfiguredNode;
import org.quorate.qdevice.backend.DeviceSettings;
import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.qdevice.backend.NetSettings;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.PollResult;
import org.quorate.qdevice.backend.QdeviceConfig;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.time.VirtualScheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The net client's state machine under a virtual clock, with the test playing qnetd. */
class NetClientTest {
    private static final RingId RING = new RingId(1, 9);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final FakeTransport.Factory transports = new FakeTransport.Factory();
    private final List<String> polls = new ArrayList<>();
    private final List<DisconnectReason> gaveUp = new ArrayList<>();
    private NodeView node;
    private CastVoteTimer castVote;
    private NetClient client;

    private static QdeviceConfig config(DecisionAlgorithm algorithm, TlsSupported tls) {
        NetSettings net = new NetSettings("198.18.0.100", 5403, tls, algorithm, TieBreaker.LOWEST, 8000, 8000, 0, true);
        DeviceSettings device = new DeviceSettings("net", OptionalLong.of(1), 10000, 30000, Optional.of(net),
                new HeuristicsSettings(HeuristicsMode.OFF, 5000, 15000, 30000, new TreeMap<>()));
        return new QdeviceConfig("lab1", 1, OptionalLong.of(1),
                List.of(new ConfiguredNode(1, 0, Optional.empty(), Optional.empty()),
                        new ConfiguredNode(2, 0, Optional.empty(), Optional.empty())), device, false);
    }

    private void start(DecisionAlgorithm algorithm, TlsSupported tls) {
        node = new NodeView(new NodeListNotification(RING, List.of(1L, 2L)));
        castVote = new CastVoteTimer(clock, 5000, (cast, ring) -> {
            polls.add((cast ? "cast" : "nocast") + "@" + ring);
            return PollResult.ACCEPTED;
        }, node::ringId, e -> gaveUp.add(DisconnectReason.CANT_SCHEDULE_VOTING_TIMER));
        client = new NetClient(clock, transports, QdeviceSettings.defaults(), config(algorithm, tls), castVote,
                Heuristics.DISABLED, node, gaveUp::add, new Random(1));
        client.start();
    }

    private FakeTransport t() {
        return transports.last();
    }

    /** Plays a plain-text qnetd through INIT_REPLY; returns what the client sent after it. */
    private List<QnetMessage> connectPlain() {
        t().events.connected();
        Preinit preinit = (Preinit) t().drain().get(0);
        t().events.received(Messages.preinitReply(preinit.seq(), TlsSupported.UNSUPPORTED, true));
        Init init = (Init) t().drain().get(0);
        t().events.received(Messages.initReply(init.seq(), ReplyErrorCode.NO_ERROR, true, true, 32768, 32768));
        return t().drain();
    }

    @BeforeEach
    void reset() {
        polls.clear();
        gaveUp.clear();
    }

    @Test
    void plainHandshakeSendsTheListsAndStopsPollingUntilTheServerVotes() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.SUPPORTED);
        assertThat(client.state()).isEqualTo(NetClientState.WAITING_CONNECT);
        t().events.connected();
        assertThat(t().sent).singleElement().isEqualTo(Messages.preinit(1, "lab1"));
        t().drain();
        t().events.received(Messages.preinitReply(1L, TlsSupported.UNSUPPORTED, true));
        Init init = (Init) t().drain().get(0);
        assertThat(init.seq()).isEqualTo(2);
        assertThat(init.ringId()).isEqualTo(RING);
        assertThat(init.heartbeatInterval()).isEqualTo(8000);
        t().events.received(Messages.initReply(2L, ReplyErrorCode.NO_ERROR, true, true, 32768, 32768));
        List<QnetMessage> after = t().drain();
        assertThat(after).hasSize(4);
        assertThat(after.get(0)).isEqualTo(Messages.setOption(3, null, true));
        assertThat(((NodeList) after.get(1)).nodeListType()).isEqualTo(NodeListType.INITIAL_CONFIG);
        assertThat(((NodeList) after.get(2)).nodeListType()).isEqualTo(NodeListType.MEMBERSHIP);
        assertThat(((NodeList) after.get(2)).ringId()).isEqualTo(RING);
        assertThat(((NodeList) after.get(3)).nodeListType()).isEqualTo(NodeListType.QUORUM);
        assertThat(((NodeList) after.get(3)).seq()).isEqualTo(6);
        assertThat(client.state()).isEqualTo(NetClientState.WAITING_VOTEQUORUM_CMAP_EVENTS);
        assertThat(castVote.running()).isFalse();
        assertThat(t().maxReceive).isEqualTo(32768);
    }

    @Test
    void tlsHandshakeStartsTlsBeforeInit() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.SUPPORTED);
        t().events.connected();
        t().drain();
        t().events.received(Messages.preinitReply(1L, TlsSupported.SUPPORTED, true));
        assertThat(t().drain()).singleElement().isEqualTo(new StartTls(2L));
        assertThat(client.state()).isEqualTo(NetClientState.WAITING_STARTTLS_BEING_SENT);
        t().events.startTlsSent();
        assertThat(((Init) t().drain().get(0)).seq()).isEqualTo(3);
    }

    @Test
    void incompatibleTlsGivesUp() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.REQUIRED);
        t().events.connected();
        t().events.received(Messages.preinitReply(1L, TlsSupported.UNSUPPORTED, true));
        assertThat(gaveUp).containsExactly(DisconnectReason.INCOMPATIBLE_TLS);
        assertThat(t().closed).isTrue();
    }

    @Test
    void voteInfoForTheCurrentRingIsCastAndAlwaysAcknowledged() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        t().events.received(Messages.voteInfo(1, Vote.ACK, RING));
        assertThat(polls).containsExactly("cast@" + RING);
        assertThat(t().drain()).containsExactly(Messages.voteInfoReply(1));
        // a vote for an old ring is acknowledged but ignored
        t().events.received(Messages.voteInfo(2, Vote.NACK, new RingId(1, 5)));
        assertThat(t().drain()).containsExactly(Messages.voteInfoReply(2));
        assertThat(castVote.vote()).isEqualTo(Vote.ACK);
        clock.advance(5, TimeUnit.SECONDS);
        assertThat(polls).containsExactly("cast@" + RING, "cast@" + RING);
    }

    @Test
    void missingEchoReplyDisconnectsWithdrawsTheFfsplitVoteAndReconnectsAfterABackoff() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        t().events.received(Messages.voteInfo(1, Vote.ACK, RING));
        t().drain();
        clock.advance(8, TimeUnit.SECONDS);
        assertThat(t().drain()).singleElement().isInstanceOf(EchoRequest.class);
        clock.advance(8, TimeUnit.SECONDS);
        FakeTransport first = transports.made.get(0);
        assertThat(first.closed).isTrue();
        assertThat(castVote.vote()).isEqualTo(Vote.NACK);
        assertThat(gaveUp).isEmpty();
        clock.advance(4500, TimeUnit.MILLISECONDS);
        assertThat(transports.made).hasSize(2);
        // the request counter continues across reconnects (spec §3.3)
        t().events.connected();
        assertThat(((Preinit) t().drain().get(0)).seq()).isEqualTo(6);
    }

    @Test
    void echoRepliesKeepTheConnection() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        for (int i = 1; i <= 4; i++) {
            clock.advance(8, TimeUnit.SECONDS);
            EchoRequest echo = (EchoRequest) t().drain().get(0);
            assertThat(echo.seq()).isEqualTo(i);
            t().events.received(Messages.echoReply(echo));
        }
        assertThat(transports.made).hasSize(1);
        assertThat(client.state().connected()).isTrue();
    }

    @Test
    void connectTimeoutRetriesAtOnce() {
        start(DecisionAlgorithm.LMS, TlsSupported.UNSUPPORTED);
        t().events.connectFailed("refused");
        assertThat(client.connectFailed()).isTrue();
        clock.advance(8, TimeUnit.SECONDS);
        assertThat(transports.made).hasSize(2);
        assertThat(gaveUp).isEmpty();
    }

    @Test
    void duplicateNodeIdIsRetriedOtherInitErrorsAreFatal() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        t().events.connected();
        t().events.received(Messages.preinitReply(1L, TlsSupported.UNSUPPORTED, true));
        t().events.received(Messages.initReply(2L, ReplyErrorCode.DUPLICATE_NODE_ID, true, true, 32768, 32768));
        assertThat(gaveUp).isEmpty();
        clock.advance(5, TimeUnit.SECONDS);
        assertThat(transports.made).hasSize(2);
        t().events.connected();
        // PREINIT reuses the current counter value; INIT takes the next one
        t().events.received(Messages.preinitReply(2L, TlsSupported.UNSUPPORTED, true));
        t().events.received(Messages.initReply(3L, ReplyErrorCode.UNSUPPORTED_DECISION_ALGORITHM, true, true, 32768, 32768));
        assertThat(gaveUp).containsExactly(DisconnectReason.SERVER_SENT_ERROR);
    }

    @Test
    void serverErrorAndUnexpectedMessagesAreFatal() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        t().events.received(Messages.serverError(9L, ReplyErrorCode.INIT_REQUIRED));
        assertThat(gaveUp).containsExactly(DisconnectReason.SERVER_SENT_ERROR);
    }

    @Test
    void membershipChangeIsReportedAndPollingWaitsForTheServer() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        t().events.received(Messages.voteInfo(1, Vote.ACK, RING));
        t().drain();
        RingId next = new RingId(1, 13);
        client.nodeListChanged(new NodeListNotification(next, List.of(1L)));
        NodeList membership = (NodeList) t().drain().get(0);
        assertThat(membership.nodeListType()).isEqualTo(NodeListType.MEMBERSHIP);
        assertThat(membership.ringId()).isEqualTo(next);
        assertThat(membership.heuristics()).isNull();
        assertThat(castVote.running()).isFalse();
        t().events.received(Messages.nodeListReply(membership.seq(), NodeListType.MEMBERSHIP, next, Vote.ACK));
        assertThat(polls).last().isEqualTo("cast@" + next);
    }

    @Test
    void disconnectedNodeDowngradesAckOnMembershipChange() {
        start(DecisionAlgorithm.TWO_NODE_LMS, TlsSupported.UNSUPPORTED);
        connectPlain();
        t().events.received(Messages.voteInfo(1, Vote.ACK, RING));
        t().events.closed(DisconnectReason.SERVER_CLOSED_CONNECTION, "gone");
        assertThat(castVote.vote()).isEqualTo(Vote.ACK); // 2nodelms keeps casting
        client.nodeListChanged(new NodeListNotification(new RingId(1, 13), List.of(1L)));
        assertThat(castVote.vote()).isEqualTo(Vote.NACK);
    }

    @Test
    void setOptionCarriesTheConfiguredKapFlag() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        assertThat(connectPlain().get(0)).isInstanceOfSatisfying(SetOption.class,
                s -> assertThat(s.keepActivePartitionTieBreaker()).isTrue());
        assertThat(HeuristicsResult.UNDEFINED).isEqualTo(client.connectHeuristics());
    }

    /**
     * Issue #9 §3: a superseded connection can still deliver a message, "STARTTLS sent" or its close after the
     * client moved on to the next one. Each event carries its connection attempt and those of older ones are
     * dropped; before, the guard compared with the newest transport and let them through.
     */
    @Test
    void eventsFromASupersededConnectionAreDropped() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.SUPPORTED);
        FakeTransport old = t();
        old.events.connected();
        old.drain();
        old.events.received(Messages.preinitReply(1L, TlsSupported.SUPPORTED, true));
        old.drain();                                   // STARTTLS is being written on the old connection...
        old.events.closed(DisconnectReason.SERVER_CLOSED_CONNECTION, "reset");
        clock.advance(5, TimeUnit.SECONDS);            // ...which closed; after the back-off, attempt 2
        FakeTransport current = t();
        assertThat(current).isNotSameAs(old);
        current.events.connected();
        Preinit preinit = (Preinit) current.drain().get(0);
        current.events.received(Messages.preinitReply(preinit.seq(), TlsSupported.SUPPORTED, true));
        current.drain();
        assertThat(client.state()).isEqualTo(NetClientState.WAITING_STARTTLS_BEING_SENT);

        old.events.startTlsSent();                     // the old channel's write listener fires late
        old.events.received(Messages.initReply(4L, ReplyErrorCode.NO_ERROR, true, true, 32768, 32768));
        old.events.badInput(DisconnectReason.MSG_DECODE_ERROR, "garbage");
        old.events.closed(DisconnectReason.SERVER_CLOSED_CONNECTION, "closed again");
        old.events.connected();

        assertThat(current.sent).as("no INIT went out because of the old connection's STARTTLS").isEmpty();
        assertThat(current.closed).isFalse();
        assertThat(client.state()).isEqualTo(NetClientState.WAITING_STARTTLS_BEING_SENT);
        assertThat(transports.made).hasSize(2);
        assertThat(gaveUp).isEmpty();

        current.events.startTlsSent();                 // the current connection's own event still counts
        assertThat(current.drain()).singleElement().isInstanceOf(Init.class);
        assertThat(client.state()).isEqualTo(NetClientState.WAITING_INIT_REPLY);
    }

    @Test
    void eventsOfAConnectionThatEndedAreDroppedBeforeTheNextOneStarts() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        FakeTransport old = t();
        old.events.closed(DisconnectReason.SERVER_CLOSED_CONNECTION, "reset");
        int pollsBefore = polls.size();
        old.events.received(Messages.voteInfo(9, Vote.ACK, RING));
        assertThat(old.sent).as("no VOTE_INFO_REPLY from a closed connection").isEmpty();
        assertThat(polls).hasSize(pollsBefore);
        assertThat(client.state()).isEqualTo(NetClientState.WAITING_CONNECT);
    }

    @Test
    void stopIsFinalAndAReconnectTimerDoesNotRevive() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        t().events.closed(DisconnectReason.SERVER_CLOSED_CONNECTION, "reset");
        client.stop();
        clock.advance(30, TimeUnit.SECONDS);
        assertThat(transports.made).hasSize(1);
        assertThat(client.state()).isEqualTo(NetClientState.STOPPED);
        assertThat(gaveUp).isEmpty();
    }

    /** The daemon unregisters the device right after stop: a poll after that would fail and give up. */
    @Test
    void aStoppedClientPollsVotequorumNoMore() {
        start(DecisionAlgorithm.FFSPLIT, TlsSupported.UNSUPPORTED);
        connectPlain();
        client.stop();
        polls.clear();
        clock.advance(30, TimeUnit.SECONDS);
        assertThat(polls).as("votequorum polls after stop").isEmpty();
        assertThat(castVote.running()).isFalse();
        assertThat(gaveUp).isEmpty();
    }
}
