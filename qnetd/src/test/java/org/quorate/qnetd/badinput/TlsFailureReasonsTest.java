package org.quorate.qnetd.badinput;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.RingId;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reason a client's TLS fails, over real TLS against a live qnetd (TLS on, client certificates required):
 * each failed connection is counted once under its own {@code qnetd_tls_failures_total} reason, leaves one log
 * line naming the problem, and the client gets the alert the C server (NSS) sends in the same case (measured
 * against corosync-qnetd 3.0.3 on loopback, see the expectations below).
 */
@Timeout(60)
class TlsFailureReasonsTest extends LiveServerFixture {
    private static final Duration CLOSE = Duration.ofSeconds(5);

    @Test
    void anExpiredCertificate() throws Exception {
        Outcome o = handshakeWith(pki.expiredClient(HealthyNode.CLUSTER));
        o.assertThat("certificate_expired", "alert certificate_expired",
                "its certificate has expired", "expired on", "CN=" + HealthyNode.CLUSTER);
    }

    @Test
    void aCertificateNotYetValid() throws Exception {
        Outcome o = handshakeWith(pki.notYetValidClient(HealthyNode.CLUSTER));
        o.assertThat("certificate_not_yet_valid", "alert certificate_expired",
                "its certificate is not valid yet", "is valid only from");
    }

    @Test
    void aCertificateFromAnotherCa() throws Exception {
        Outcome o = handshakeWith(pki.untrustedClient(HealthyNode.CLUSTER));
        o.assertThat("unknown_ca", "alert unknown_ca", "was not issued by this qnetd's CA", "did not sign it");
    }

    @Test
    void noClientCertificate() throws Exception {
        Outcome o = handshakeWith(pki.clientWithoutCertificate());
        o.assertThat("no_client_certificate", "alert certificate_required", "it sent no client certificate");
    }

    @Test
    void aCertificateForAnotherCluster() throws Exception {
        RawQnetClient client = qnetd.connect();
        client.exchange(Messages.preinit(1, "other-cluster"), PreinitReply.class);
        client.send(Messages.startTls(2));
        client.startTls(pki.client(HealthyNode.CLUSTER));
        client.send(init(3, 9));
        new Outcome(client, client.serverFarewell(CLOSE)).assertThat("certificate_name_mismatch", "closed",
                "doesn't sent certificate with valid CN", "\"healthy\"", "\"other-cluster\"");
    }

    /** Errata E-02: the C server would accept the new name; Quorate holds the name to the certificate. */
    @Test
    void aClusterNameChangeAfterTheCertificateCheck() throws Exception {
        RawQnetClient client = qnetd.connect();
        client.exchange(Messages.preinit(1, "erratum"), PreinitReply.class);
        client.send(Messages.startTls(2));
        client.startTls(pki.client("erratum"));
        assertThat(client.exchange(init(3, 1), InitReply.class).replyErrorCode()).isZero();
        client.send(Messages.preinit(4, HealthyNode.CLUSTER));
        new Outcome(client, client.serverFarewell(CLOSE)).assertThat("cluster_name_changed", "closed",
                "tried to change its cluster name", "\"erratum\"", "\"healthy\"");
    }

    /** The client sends half a ClientHello and goes away. */
    @Test
    void aHandshakeCutMidway() throws Exception {
        RawQnetClient client = qnetd.connect();
        client.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
        client.send(Messages.startTls(2));
        byte[] partialHello = new byte[45];
        byte[] recordHeader = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        System.arraycopy(recordHeader, 0, partialHello, 0, recordHeader.length);
        client.sendRaw(partialHello);
        qnetd.awaitConnections(3);
        client.close();
        new Outcome(client, "closed").assertThat("handshake_cut", "closed",
                "the connection closed before the TLS handshake finished");
        assertThat(qnetd.logLines()).noneMatch(l -> l.contains("ClosedChannelException"));
    }

    /** After STARTTLS the client goes on in plaintext, as a client that misread PREINIT_REPLY would. */
    @Test
    void plaintextAfterStartTls() throws Exception {
        RawQnetClient client = qnetd.connect();
        client.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
        client.send(Messages.startTls(2));
        client.send(init(3, 4));
        new Outcome(client, client.serverFarewell(CLOSE)).assertThat("not_tls", "closed",
                "it sent bytes that are not TLS after STARTTLS");
    }

    /** STARTTLS, then a TLS handshake; the alert comes during it or (TLS 1.3) on the first read after it. */
    private Outcome handshakeWith(SSLContext tls) throws Exception {
        RawQnetClient client = qnetd.connect();
        client.exchange(Messages.preinit(1, HealthyNode.CLUSTER), PreinitReply.class);
        client.send(Messages.startTls(2));
        String farewell;
        try {
            client.startTls(tls);
            // Nothing is written now: a write racing the server's close would turn the alert into a reset.
            farewell = client.serverFarewell(CLOSE);
        } catch (IOException e) {
            farewell = RawQnetClient.farewellOf(e);
        }
        return new Outcome(client, farewell);
    }

    private static QnetMessage init(long seq, long nodeId) {
        return Messages.init(seq, nodeId, DecisionAlgorithm.FFSPLIT, 10_000, TieBreaker.LOWEST, new RingId(nodeId, 4));
    }

    /** What one bad client caused: its own log lines and the server's count, and what it heard. */
    private final class Outcome {
        private final RawQnetClient client;
        private final String farewell;

        Outcome(RawQnetClient client, String farewell) {
            this.client = client;
            this.farewell = farewell;
        }

        void assertThat(String reason, String alert, String... logWords) throws IOException {
            int port = client.localPort();
            client.close();
            qnetd.awaitConnections(2);
            qnetd.awaitLogLine(logWords);
            List<String> failures = qnetd.events.stream().filter(e -> e.startsWith("tlsFailure:")).toList();
            List<String> lines = qnetd.logLines().stream()
                    .filter(l -> l.startsWith("WARN") || l.startsWith("ERROR"))
                    .filter(l -> l.contains(":" + port + " ") || l.contains(":" + port + ")"))
                    .toList();
            org.assertj.core.api.Assertions.assertThat(failures).as("counted once, as " + reason)
                    .containsExactly("tlsFailure:" + reason);
            org.assertj.core.api.Assertions.assertThat(lines).as("one log line").hasSize(1);
            org.assertj.core.api.Assertions.assertThat(lines.get(0)).contains(logWords);
            org.assertj.core.api.Assertions.assertThat(farewell).as("what the client heard").isEqualTo(alert);
            System.out.printf("TLS case %-26s counted %-26s client heard %-28s log: %s%n", reason, failures, farewell,
                    lines.get(0));
        }
    }
}
