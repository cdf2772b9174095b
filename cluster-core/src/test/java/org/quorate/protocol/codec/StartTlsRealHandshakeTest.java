package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.message.Init;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.StartTls;

/**
 * The STARTTLS hand-over with a real JDK TLS handshake: the client's STARTTLS frame and its
 * ClientHello reach the server in one read, as they can with the C client, which starts the
 * handshake without waiting for an answer.
 */
class StartTlsRealHandshakeTest {
    private static SslContext serverContext;
    private static SslContext clientContext;

    @BeforeAll
    static void certificates(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "qnetd", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=Qnetd Server", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        serverContext = SslContextBuilder.forServer(kmf).build();
        clientContext = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    }

    /** The qnetd side: on STARTTLS, insert an SslHandler in front of the decoder. */
    static final class Server extends ChannelInboundHandlerAdapter {
        final List<Object> received = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            received.add(msg);
            if (msg instanceof StartTls) {
                ctx.pipeline().get(QnetFrameDecoder.class)
                        .switchToTls(serverContext.newHandler(ctx.alloc()));
            }
        }
    }

    @Test
    void clientHelloInTheStartTlsReadCompletesTheHandshakeAndInitArrivesEncrypted() {
        Server server = new Server();
        EmbeddedChannel serverCh = Channels.channel(QnetFrameDecoder.forServer(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE),
                QnetMessageEncoder.INSTANCE, server);
        EmbeddedChannel clientCh = new EmbeddedChannel(QnetMessageEncoder.INSTANCE);

        // Client: plaintext STARTTLS, then TLS at once (its ClientHello is written when added).
        clientCh.writeOutbound(Messages.startTls(2));
        SslHandler clientTls = clientContext.newHandler(clientCh.alloc());
        clientCh.pipeline().addFirst(clientTls);
        clientCh.runPendingTasks();
        ByteBuf firstFlight = drain(clientCh);
        assertThat(firstFlight.readableBytes()).as("STARTTLS + ClientHello").isGreaterThan(14 + 5);
        serverCh.writeInbound(firstFlight);

        for (int round = 0; round < 10 && !clientTls.handshakeFuture().isDone(); round++) {
            shuttle(serverCh, clientCh);
            shuttle(clientCh, serverCh);
        }
        assertThat(clientTls.handshakeFuture().isSuccess()).as("TLS handshake completed").isTrue();

        Init init = Messages.init(3, 1, DecisionAlgorithm.FFSPLIT, 8000, TieBreaker.LOWEST, new RingId(1, 5));
        clientCh.writeOutbound(init);
        shuttle(clientCh, serverCh);

        assertThat(server.received).containsExactly(new StartTls(2L), init);
        clientCh.finishAndReleaseAll();
        serverCh.finishAndReleaseAll();
        assertThat(Channels.unreleased(serverCh)).isZero();
    }

    private static void shuttle(EmbeddedChannel from, EmbeddedChannel to) {
        from.runPendingTasks();
        ByteBuf bytes = drain(from);
        if (bytes.isReadable()) {
            to.writeInbound(bytes);
            to.runPendingTasks();
        } else {
            bytes.release();
        }
    }

    private static ByteBuf drain(EmbeddedChannel ch) {
        ByteBuf all = ch.alloc().buffer();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }
}
