package org.quorate.qnetd.badinput;

import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.testsupport.lab.Await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS handshakes beyond the server's limit wait for their turn in arrival order (HandshakeGate), on a live
 * server with a limit of one: a client that stalls mid-handshake holds the only place, the next client's
 * ClientHello stays unread until the stalled one goes away or its lease ends, then its handshake and INIT
 * complete.
 */
class HandshakeTurnTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    void aSecondHandshakeStartsWhenTheFirstConnectionGoesAway() throws Exception {
        TestPki pki = TestPki.shared();
        // a lease far longer than the test: only the first connection going away frees the place
        try (LiveQnetd qnetd = new LiveQnetd(pki, TlsSupported.SUPPORTED, 1, 60_000)) {
            RawQnetClient stalled = qnetd.connect();
            stalled.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
            stalled.send(Messages.startTls(2));
            awaitHandshakes(qnetd, 1, 0);

            try (RawQnetClient next = qnetd.connect()) {
                next.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
                next.send(Messages.startTls(2));
                CompletableFuture<Void> handshake = CompletableFuture.runAsync(() -> {
                    try {
                        next.startTls(pki.client(HealthyNode.CLUSTER));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                awaitHandshakes(qnetd, 1, 1);
                assertThat(handshake).isNotDone();

                stalled.close();
                handshake.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                InitReply reply = next.exchange(Messages.init(3, 7, DecisionAlgorithm.TWO_NODE_LMS, 10_000,
                        TieBreaker.LOWEST, new RingId(1, 4)), InitReply.class);
                assertThat(reply.replyErrorCode()).isZero();
                awaitHandshakes(qnetd, 0, 0);
            }
        }
    }

    @Test
    void aClientThatStallsAfterStartTlsHoldsThePlaceForOneLeaseOnly() throws Exception {
        TestPki pki = TestPki.shared();
        try (LiveQnetd qnetd = new LiveQnetd(pki, TlsSupported.SUPPORTED, 1, 300);
             RawQnetClient stalled = qnetd.connect();
             RawQnetClient next = qnetd.connect()) {
            stalled.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
            stalled.send(Messages.startTls(2));
            next.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
            next.send(Messages.startTls(2));
            // the stalled client stays connected, sending nothing; the next one gets through after its lease
            next.startTls(pki.client(HealthyNode.CLUSTER));
            InitReply reply = next.exchange(Messages.init(3, 8, DecisionAlgorithm.TWO_NODE_LMS, 10_000,
                    TieBreaker.LOWEST, new RingId(1, 4)), InitReply.class);
            assertThat(reply.replyErrorCode()).isZero();
            assertThat(qnetd.connections()).isEqualTo(2);
        }
    }

    private static void awaitHandshakes(LiveQnetd qnetd, int running, int waiting) {
        Await.until("handshakes running/waiting " + running + "/" + waiting, PATIENCE, Duration.ofMillis(20),
                qnetd::handshakes, h -> h[0] == running && h[1] == waiting, h -> h[0] + "/" + h[1]);
    }
}
