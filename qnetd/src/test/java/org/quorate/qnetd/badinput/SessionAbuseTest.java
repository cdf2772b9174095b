package org.quorate.qnetd.badinput;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.ServerError;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protocol-state and TLS abuse on a live server (spec §4.2-4.4, §14 items 9-18, errata E-02): the C server's
 * error code or a close, a log line naming the reason, and the healthy nodes of {@link LiveServerFixture}
 * untouched.
 */
class SessionAbuseTest extends LiveServerFixture {
    private static final Duration CLOSE = Duration.ofSeconds(3);

    private static QnetMessage init(long seq, long nodeId) {
        return Messages.init(seq, nodeId, DecisionAlgorithm.TWO_NODE_LMS, 10_000, TieBreaker.LOWEST, new RingId(1, 4));
    }

    @Test
    void messagesInTheWrongStateGetTheCErrorCodesAndTheConnectionStays() throws Exception {
        try (RawQnetClient bad = qnetd.connect()) {
            assertThat(bad.exchange(Messages.startTls(1), ServerError.class)).isEqualTo(new ServerError(1L, 6));
            assertThat(bad.exchange(init(2, 5), InitReply.class).replyErrorCode()).isEqualTo(6);
            bad.exchange(Messages.preinit(3, "states"), PreinitReply.class);
            assertThat(bad.exchange(Messages.echoRequest(4), ServerError.class)).isEqualTo(new ServerError(4L, 11));
            EchoRequest echo = Messages.echoRequest(5);
            assertThat(bad.exchange(Messages.echoReply(echo), ServerError.class)).isEqualTo(new ServerError(5L, 8));
            qnetd.awaitLogLine("server-only message", "Echo reply");
            assertThat(qnetd.events).contains("serverError:6", "serverError:11", "serverError:8");
            assertThat(bad.exchange(init(6, 5), InitReply.class).replyErrorCode()).isZero();
        }
    }

    @Test
    void aSecondClientWithTheNodeIdOfAHealthyNodeIsRefusedWithSeventeen() throws Exception {
        try (RawQnetClient twin = qnetd.connect()) {
            twin.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
            assertThat(twin.exchange(init(2, 1), InitReply.class).replyErrorCode()).isEqualTo(17);
            qnetd.awaitLogLine("INIT refused", "DUPLICATE_NODE_ID");
            assertThat(qnetd.events).contains("serverError:17");
        }
    }

    @Test
    void aCertificateForAnotherClusterIsDisconnected() throws Exception {
        try (RawQnetClient other = qnetd.connect()) {
            other.exchange(Messages.preinit(1, "other-cluster"), PreinitReply.class);
            other.send(Messages.startTls(2));
            other.startTls(pki.client(HealthyNode.CLUSTER));
            other.send(init(3, 9));
            assertThat(other.closedByServerWithin(CLOSE)).isTrue();
        }
        qnetd.awaitLogLine("doesn't sent certificate with valid CN", "\"healthy\"", "\"other-cluster\"");
        qnetd.awaitEvent("tlsFailure:certificate_name_mismatch");
    }

    /** Errata E-02: the C server would accept the new name; Quorate holds the name to the certificate. */
    @Test
    void changingTheClusterNameAfterTheCertificateCheckIsDisconnected() throws Exception {
        try (RawQnetClient sly = qnetd.connect()) {
            sly.exchange(Messages.preinit(1, "erratum"), PreinitReply.class);
            sly.send(Messages.startTls(2));
            sly.startTls(pki.client("erratum"));
            assertThat(sly.exchange(init(3, 1), InitReply.class).replyErrorCode()).isZero();
            sly.send(Messages.preinit(4, HealthyNode.CLUSTER));
            assertThat(sly.closedByServerWithin(CLOSE)).isTrue();
        }
        qnetd.awaitLogLine("tried to change its cluster name", "\"erratum\"", "\"healthy\"");
        qnetd.awaitEvent("tlsFailure:cluster_name_changed");
    }

    @Test
    void tlsRequiredAnswersAPlaintextClientWithErrorThreeAndKeepsIt() throws Exception {
        try (LiveQnetd strict = new LiveQnetd(pki, TlsSupported.REQUIRED);
             RawQnetClient plain = strict.connect()) {
            PreinitReply reply = plain.exchange(Messages.preinit(1, "plain"), PreinitReply.class);
            assertThat(reply.tlsSupported()).isEqualTo(TlsSupported.REQUIRED);
            assertThat(plain.exchange(init(2, 1), ServerError.class)).isEqualTo(new ServerError(2L, 3));
            assertThat(plain.exchange(Messages.echoRequest(3), ServerError.class)).isEqualTo(new ServerError(3L, 3));
            strict.awaitLogLine("without TLS but TLS is required");
        }
    }

    /** A ClientHello cut off after 45 bytes, then the client goes away: the server closes and keeps nothing. */
    @Test
    void aHandshakeCutHalfwayIsClosedAndLeaksNothing() throws Exception {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        ListAppender<ILoggingEvent> leaks = new ListAppender<>();
        Logger leakLogger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        leaks.start();
        leakLogger.addAppender(leaks);
        leakLogger.setLevel(Level.ERROR);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        try {
            try (RawQnetClient cut = qnetd.connect()) {
                cut.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
                cut.send(Messages.startTls(2));
                byte[] partialHello = new byte[45];
                byte[] recordHeader = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
                System.arraycopy(recordHeader, 0, partialHello, 0, recordHeader.length);
                cut.sendRaw(partialHello);
                qnetd.awaitConnections(3);
            }
            qnetd.awaitConnections(2);
            qnetd.awaitLogLine("TLS with client", "failed");
            System.gc();
            // Leaks are reported when later buffers are allocated: make the server allocate some.
            for (int i = 0; i < 20; i++) {
                try (RawQnetClient probe = qnetd.connect()) {
                    probe.exchange(Messages.preinit(i, "after-cut"), PreinitReply.class);
                }
            }
            assertThat(leaks.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("LEAK"));
        } finally {
            ResourceLeakDetector.setLevel(before);
            leakLogger.detachAppender(leaks);
        }
    }
}
