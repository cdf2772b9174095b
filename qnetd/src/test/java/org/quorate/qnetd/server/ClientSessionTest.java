package org.quorate.qnetd.server;

import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.protocol.message.EchoReply;
import org.quorate.protocol.message.Init;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.NodeListReply;
import org.quorate.protocol.message.Preinit;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.ServerError;
import org.quorate.protocol.message.VoteInfo;
import org.quorate.qnetd.config.QnetdSettings;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSessionTest {
    private static final RingId RING = new RingId(1, 5);

    @Test
    void preinitIsAnsweredWithTheServerTlsMode() {
        SessionHarness h = new SessionHarness(QnetdSettings.defaults());
        FakeConnection c = h.connect("::ffff:198.18.1.1:4000");
        h.deliver(c, new Preinit(7L, ClusterName.of("lab1")));
        assertThat(c.drain()).containsExactly(Messages.preinitReply(7L, TlsSupported.SUPPORTED, true));
    }

    @Test
    void preinitWithoutClusterNameIsError7() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection c = h.connect("a:1");
        h.deliver(c, new Preinit(3L, null));
        assertThat(c.drain()).containsExactly(Messages.serverError(3L, ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION));
    }

    @Test
    void initBeforePreinitIsRefusedWithTheOverwritingQuirk() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection c = h.connect("a:1");
        h.deliver(c, Messages.init(2, 1, DecisionAlgorithm.FFSPLIT, 8000, TieBreaker.LOWEST, RING));
        assertThat(((InitReply) c.last()).replyErrorCode()).isEqualTo(ReplyErrorCode.PREINIT_REQUIRED.code());
        // Without a heartbeat the later range check overwrites 6 with 13 (spec Q4).
        h.deliver(c, new Init(3L, null, null, 1L, 1, null, TieBreaker.LOWEST, RING));
        assertThat(((InitReply) c.last()).replyErrorCode()).isEqualTo(ReplyErrorCode.INVALID_HEARTBEAT_INTERVAL.code());
        assertThat(((InitReply) c.last()).supportedMessages()).isNull();
    }

    @Test
    void requestsBeforeInitAreError11AndServerTypesAreError8() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection c = h.connect("a:1");
        h.deliver(c, new Preinit(1L, ClusterName.of("c")));
        c.drain();
        h.deliver(c, Messages.echoRequest(9));
        h.deliver(c, Messages.voteInfo(4, Vote.ACK, RING));
        assertThat(c.drain()).containsExactly(Messages.serverError(9L, ReplyErrorCode.INIT_REQUIRED),
                Messages.serverError(4L, ReplyErrorCode.UNEXPECTED_MESSAGE));
    }

    @Test
    void tlsRequiredRefusesPlaintextInitButKeepsTheConnection() {
        SessionHarness h = new SessionHarness(QnetdSettings.defaults().toBuilder().tls(TlsSupported.REQUIRED).build());
        FakeConnection c = h.connect("a:1");
        h.deliver(c, new Preinit(1L, ClusterName.of("c")));
        h.deliver(c, Messages.init(2, 1, DecisionAlgorithm.FFSPLIT, 8000, TieBreaker.LOWEST, RING));
        assertThat(c.drain()).last().isEqualTo(Messages.serverError(2L, ReplyErrorCode.TLS_REQUIRED));
        assertThat(c.closedBecause).isNull();
    }

    @Test
    void startTlsNeedsPreinitAndTlsOn() {
        SessionHarness h = new SessionHarness(QnetdSettings.defaults());
        FakeConnection c = h.connect("a:1");
        h.deliver(c, Messages.startTls(1));
        assertThat(c.drain()).containsExactly(Messages.serverError(1L, ReplyErrorCode.PREINIT_REQUIRED));
        h.deliver(c, new Preinit(2L, ClusterName.of("c")));
        h.deliver(c, Messages.startTls(3));
        assertThat(c.tlsStarted).isTrue();

        SessionHarness off = SessionHarness.plain();
        FakeConnection d = off.connect("b:1");
        off.deliver(d, new Preinit(2L, ClusterName.of("c")));
        off.deliver(d, Messages.startTls(3));
        assertThat(d.closedBecause).contains("TLS off");
    }

    @Test
    void echoIsCopiedAndDuplicateNodeIdsAreRefused() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection a = h.join("lab", 1, DecisionAlgorithm.FFSPLIT, RING);
        h.deliver(a, Messages.echoRequest(1));
        assertThat(a.drain()).singleElement().isInstanceOf(EchoReply.class);

        FakeConnection dup = h.connect("x:2");
        h.deliver(dup, new Preinit(1L, ClusterName.of("lab")));
        h.deliver(dup, Messages.init(2, 1, DecisionAlgorithm.FFSPLIT, 8000, TieBreaker.LOWEST, RING));
        assertThat(((InitReply) dup.last()).replyErrorCode()).isEqualTo(ReplyErrorCode.DUPLICATE_NODE_ID.code());
        h.deliver(dup, Messages.init(3, 2, DecisionAlgorithm.LMS, 8000, TieBreaker.LOWEST, RING));
        assertThat(((InitReply) dup.last()).replyErrorCode()).isEqualTo(ReplyErrorCode.ALGORITHM_DIFFERS_FROM_OTHER_NODES.code());
        h.deliver(dup, Messages.init(4, 2, DecisionAlgorithm.FFSPLIT, 8000, TieBreaker.HIGHEST, RING));
        assertThat(((InitReply) dup.last()).replyErrorCode()).isEqualTo(ReplyErrorCode.TIE_BREAKER_DIFFERS_FROM_OTHER_NODES.code());
        // A second INIT on an initialised connection finds the client itself.
        h.deliver(a, Messages.init(5, 1, DecisionAlgorithm.FFSPLIT, 8000, TieBreaker.LOWEST, RING));
        assertThat(((InitReply) a.last()).replyErrorCode()).isEqualTo(ReplyErrorCode.DUPLICATE_NODE_ID.code());
    }

    @Test
    void ffsplitSplitSendsNackFirstAndAckOnlyAfterTheNackIsAcknowledged() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection n1 = h.join("lab", 1, DecisionAlgorithm.FFSPLIT, new RingId(1, 9));
        FakeConnection n2 = h.join("lab", 2, DecisionAlgorithm.FFSPLIT, new RingId(1, 9));
        for (FakeConnection c : new FakeConnection[] {n1, n2}) {
            h.deliver(c, SessionHarness.config(3, 1, 2));
            h.deliver(c, SessionHarness.membership(4, new RingId(1, 9), 1, 2));
        }
        n1.drain();
        n2.drain();

        // The link between the nodes is cut: each reports a one-node membership on its own ring.
        h.deliver(n1, SessionHarness.membership(5, new RingId(1, 13), 1));
        h.deliver(n2, SessionHarness.membership(5, new RingId(2, 13), 2));
        VoteInfo nack = n2.sent.stream().filter(VoteInfo.class::isInstance).map(VoteInfo.class::cast)
                .findFirst().orElseThrow();
        assertThat(nack.vote()).isEqualTo(Vote.NACK);
        assertThat(n1.sent).noneMatch(m -> m instanceof VoteInfo v && v.vote() == Vote.ACK);

        h.deliver(n2, Messages.voteInfoReply(nack.seq()));
        assertThat(n1.sent).anyMatch(m -> m instanceof VoteInfo v && v.vote() == Vote.ACK
                && v.ringId().equals(new RingId(1, 13)));
        assertThat(n1.sent).anyMatch(m -> m instanceof NodeListReply);
    }

    @Test
    void deadPeerIsDroppedAfterOneAndAHalfHeartbeats() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection c = h.join("lab", 1, DecisionAlgorithm.FFSPLIT, RING);
        for (int i = 0; i < 5; i++) {
            h.clock.advance(8, TimeUnit.SECONDS);
            h.deliver(c, Messages.echoRequest(i + 1));
        }
        assertThat(c.closedBecause).isNull();
        h.clock.advance(11_999, TimeUnit.MILLISECONDS);
        assertThat(c.closedBecause).isNull();
        h.clock.advance(1, TimeUnit.MILLISECONDS);
        assertThat(c.closedBecause).isEqualTo("dead peer");
        assertThat(h.context.registry().clusters()).isEmpty();
        assertThat(h.context.registry().connectionCount()).isZero();
    }

    @Test
    void silentConnectionBeforeInitIsDroppedAfter180Seconds() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection c = h.connect("a:1");
        h.clock.advance(179, TimeUnit.SECONDS);
        assertThat(c.closedBecause).isNull();
        h.clock.advance(1, TimeUnit.SECONDS);
        assertThat(c.closedBecause).isEqualTo("dead peer");
    }

    @Test
    void skippedFramesAndDecodeErrorsAreAnsweredAndTheConnectionStays() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection c = h.connect("a:1");
        c.session.frameSkipped(ReplyErrorCode.MESSAGE_TOO_LONG, 8, 40000);
        c.session.decodeFailed(30L, "trailing bytes");
        assertThat(c.drain()).containsExactly(Messages.serverError(null, ReplyErrorCode.MESSAGE_TOO_LONG),
                Messages.serverError(30L, ReplyErrorCode.ERROR_DECODING_MSG));
        assertThat(c.closedBecause).isNull();
    }

    @Test
    void lastClientLeavingDeletesTheCluster() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection a = h.join("one", 1, DecisionAlgorithm.LMS, RING);
        FakeConnection b = h.join("two", 1, DecisionAlgorithm.LMS, RING);
        assertThat(h.context.registry().clusters()).hasSize(2);
        a.close("test");
        assertThat(h.context.registry().clusters()).singleElement().satisfies(cl -> assertThat(cl.name()).isEqualTo("two"));
        b.close("test");
        assertThat(h.context.registry().clusters()).isEmpty();
    }

    @Test
    void preinitReplyCarriesNoSeqWhenTheRequestHadNone() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection c = h.connect("a:1");
        h.deliver(c, new Preinit(null, ClusterName.of("c")));
        assertThat(((PreinitReply) c.last()).seq()).isNull();
        assertThat(c.last()).isNotInstanceOf(ServerError.class);
    }

    /**
     * Errata E-01: two ffsplit clients without node lists, one leaves. The C qnetd 3.0.3 dereferences an empty
     * list and segfaults, taking every cluster's vote away; Quorate decides and keeps serving.
     */
    @Test
    void ffsplitClientLeavingBeforeAnyNodeListDoesNotDisturbOtherClusters() {
        SessionHarness h = SessionHarness.plain();
        FakeConnection other = h.join("other", 1, DecisionAlgorithm.LMS, RING);
        FakeConnection a = h.join("lab", 1, DecisionAlgorithm.FFSPLIT, RING);
        FakeConnection b = h.join("lab", 2, DecisionAlgorithm.FFSPLIT, RING);
        b.close("node 2 died before sending its lists");
        assertThat(a.closedBecause).isNull();
        assertThat(a.sent).noneMatch(m -> m instanceof VoteInfo v && v.vote() == Vote.ACK);
        h.deliver(other, Messages.echoRequest(1));
        assertThat(other.drain()).singleElement().isInstanceOf(EchoReply.class);
        h.deliver(a, SessionHarness.config(3, 1, 2));
        h.deliver(a, SessionHarness.membership(4, RING, 1));
        assertThat(a.sent).anyMatch(m -> m instanceof NodeListReply);
        assertThat(h.context.registry().clusters()).hasSize(2);
    }
}
