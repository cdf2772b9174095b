package org.quorate.qnetd.badinput;

import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The ways a client's TLS goes wrong, each played against any qnetd (Quorate's in-process, or the C daemon as
 * a child process) over real TLS; each reports what the client heard at the end: "alert X" or "closed".
 */
enum BadTlsClient {
    EXPIRED {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            return handshake(client, pki.expiredClient(CLUSTER));
        }
    },
    NOT_YET_VALID {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            return handshake(client, pki.notYetValidClient(CLUSTER));
        }
    },
    /** Another qnetd's CA: corosync-qnetd-certutil names every CA "CN=QNet CA", so only the key differs. */
    OTHER_CA {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            return handshake(client, pki.untrustedClient(CLUSTER));
        }
    },
    /** A CA of another name altogether. */
    OTHER_NAMED_CA {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            return handshake(client, pki.otherNamedCaClient(CLUSTER));
        }
    },
    NO_CLIENT_CERTIFICATE {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            return handshake(client, pki.clientWithoutCertificate());
        }
    },
    /** A certificate of cluster "healthy" presented for cluster "other-cluster". */
    WRONG_CN {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            client.exchange(Messages.preinit(1, "other-cluster"), PreinitReply.class);
            client.send(Messages.startTls(2));
            client.startTls(pki.client(CLUSTER));
            client.send(init(3, 9));
            return client.serverFarewell(CLOSE);
        }
    },
    /** PREINIT again with another name after the certificate was checked (errata E-02: C accepts it). */
    CLUSTER_NAME_CHANGE {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            client.exchange(Messages.preinit(1, "erratum"), PreinitReply.class);
            client.send(Messages.startTls(2));
            client.startTls(pki.client("erratum"));
            if (client.exchange(init(3, 1), InitReply.class).replyErrorCode() != 0) {
                throw new AssertionError("INIT for cluster erratum refused");
            }
            client.send(Messages.preinit(4, CLUSTER));
            return client.serverFarewell(Duration.ofSeconds(2));
        }
    },
    /** Half a ClientHello, then the client goes away. */
    HANDSHAKE_CUT {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            client.exchange(Messages.preinit(1, CLUSTER), PreinitReply.class);
            client.send(Messages.startTls(2));
            byte[] partialHello = new byte[45];
            byte[] recordHeader = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
            System.arraycopy(recordHeader, 0, partialHello, 0, recordHeader.length);
            client.sendRaw(partialHello);
            Thread.sleep(200);
            return "closed";
        }
    },
    /** After STARTTLS the client goes on in plaintext, as one that misread PREINIT_REPLY would. */
    PLAINTEXT_AFTER_STARTTLS {
        @Override
        String play(RawQnetClient client, TestPki pki) throws Exception {
            client.exchange(Messages.preinit(1, CLUSTER), PreinitReply.class);
            client.send(Messages.startTls(2));
            client.send(init(3, 4));
            return client.serverFarewell(CLOSE);
        }
    };

    static final String CLUSTER = HealthyNode.CLUSTER;
    private static final Duration CLOSE = Duration.ofSeconds(5);

    /** Plays the case on {@code client}, freshly connected; returns what it heard. */
    abstract String play(RawQnetClient client, TestPki pki) throws Exception;

    String playAgainst(InetSocketAddress server, TestPki pki) throws Exception {
        try (RawQnetClient client = RawQnetClient.connect(server)) {
            return play(client, pki);
        }
    }

    /** STARTTLS, then a TLS handshake; the alert comes during it or (TLS 1.3) on the first read after it. */
    private static String handshake(RawQnetClient client, SSLContext tls) throws IOException {
        client.exchange(Messages.preinit(1, CLUSTER), PreinitReply.class);
        client.send(Messages.startTls(2));
        try {
            client.startTls(tls);
            // Nothing is written now: a write racing the server's close would turn the alert into a reset.
            return client.serverFarewell(CLOSE);
        } catch (IOException e) {
            return RawQnetClient.farewellOf(e);
        }
    }

    static QnetMessage init(long seq, long nodeId) {
        return Messages.init(seq, nodeId, DecisionAlgorithm.FFSPLIT, 10_000, TieBreaker.LOWEST, new RingId(nodeId, 4));
    }
}
