package org.quorate.bench.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quorate.certs.pki.KeyMaterial;
import org.quorate.certs.pki.Names;
import org.quorate.certs.store.TlsContexts;

/**
 * The nodes' TLS context against a server requiring a client certificate, in memory (two embedded channels
 * passing the bytes): each node presents its own cluster's certificate through the one shared context, and
 * only a server certified by the run's QNet CA is accepted. Both providers, since the JDK is the fallback.
 */
class ClientTlsTest {
    private static BenchPki pki;
    private static BenchPki strangerPki;
    private static Map<String, KeyMaterial> identities;

    @BeforeAll
    static void certificates(@TempDir Path dir) throws Exception {
        pki = BenchPki.create(dir.resolve("run"), Instant.now());
        strangerPki = BenchPki.create(dir.resolve("stranger"), Instant.now());
        identities = pki.clusterIdentities(List.of("alpha", "beta"), Instant.now());
    }

    @Test
    void boringSslIsThereAndPreferred() {
        // netty-tcnative-boringssl-static (linux-x86_64) is a dependency of this module
        assertThat(OpenSsl.isAvailable()).as("OpenSSL unavailable: %s", OpenSsl.unavailabilityCause()).isTrue();
        assertThat(ClientTls.bestProvider()).isEqualTo(SslProvider.OPENSSL);
        assertThat(ClientTls.describe(SslProvider.OPENSSL)).startsWith("OpenSSL (BoringSSL");
    }

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"JDK", "OPENSSL"})
    void eachNodePresentsItsClustersCertificate(SslProvider provider) throws Exception {
        SslContext client = ClientTls.context(pki.caCertificate(), identities, provider);
        SslContext server = serverContext(pki);

        for (String cluster : List.of("alpha", "beta")) {
            Handshake handshake = Handshake.run(client, server, cluster);
            assertThat(handshake.clientDone()).as("client handshake of %s", cluster).isTrue();
            assertThat(handshake.serverDone()).as("server handshake of %s", cluster).isTrue();
            assertThat(handshake.serverSawClientCn()).isEqualTo(cluster);
            assertThat(handshake.clientSawServerCn()).isEqualTo(Names.SERVER_COMMON_NAME);
            assertThat(handshake.protocol()).isIn(TlsContexts.PROTOCOLS);
            handshake.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"JDK", "OPENSSL"})
    void aServerCertifiedByAnotherCaIsRefused(SslProvider provider) throws Exception {
        SslContext client = ClientTls.context(pki.caCertificate(), identities, provider);
        // the stranger server trusts our CA, so only the client's check of the server can fail
        SslContext server = SslContextBuilder.forServer(strangerPki.serverKey().privateKey(),
                        strangerPki.serverKey().chain().toArray(X509Certificate[]::new))
                .trustManager(pki.caCertificate()).clientAuth(ClientAuth.REQUIRE).sslProvider(SslProvider.JDK).build();

        Handshake handshake = Handshake.run(client, server, "alpha");
        assertThat(handshake.clientDone()).isFalse();
        assertThat(handshake.clientHandler().handshakeFuture().cause()).isNotNull();
        handshake.close();
    }

    private static SslContext serverContext(BenchPki of) throws Exception {
        return SslContextBuilder.forServer(of.serverKey().privateKey(), of.serverKey().chain().toArray(X509Certificate[]::new))
                .trustManager(of.caCertificate())
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(TlsContexts.PROTOCOLS)
                .sslProvider(SslProvider.JDK)
                .build();
    }

    /** A client and a server channel whose bytes are handed across until neither has anything to send. */
    private record Handshake(EmbeddedChannel client, SslHandler clientHandler, EmbeddedChannel server,
            SslHandler serverHandler) {
        static Handshake run(SslContext clientContext, SslContext serverContext, String cluster) {
            // the cluster name as peer host, as the fleet does: it tells ClusterKeyManager which certificate to send
            SslHandler clientTls = clientContext.newHandler(ByteBufAllocator.DEFAULT, cluster, 5403);
            SslHandler serverTls = serverContext.newHandler(ByteBufAllocator.DEFAULT);
            EmbeddedChannel client = new EmbeddedChannel(clientTls);
            EmbeddedChannel server = new EmbeddedChannel(serverTls);
            Handshake handshake = new Handshake(client, clientTls, server, serverTls);
            boolean moved = true;
            for (int round = 0; round < 20 && moved; round++) {
                moved = pass(client, server) | pass(server, client);
            }
            return handshake;
        }

        private static boolean pass(EmbeddedChannel from, EmbeddedChannel to) {
            boolean moved = false;
            for (ByteBuf bytes = from.readOutbound(); bytes != null; bytes = from.readOutbound()) {
                moved = true;
                if (!to.isOpen()) {
                    bytes.release();
                    continue;
                }
                try {
                    to.writeInbound(bytes);
                } catch (RuntimeException handshakeFailure) {
                    // the failed side closes its channel; its handshake future holds the cause
                }
            }
            return moved;
        }

        boolean clientDone() {
            return clientHandler().handshakeFuture().isSuccess();
        }

        boolean serverDone() {
            return serverHandler.handshakeFuture().isSuccess();
        }

        String clientSawServerCn() throws Exception {
            return cn(clientHandler());
        }

        String serverSawClientCn() throws Exception {
            return cn(serverHandler);
        }

        String protocol() {
            return clientHandler().engine().getSession().getProtocol();
        }

        void close() {
            client.finishAndReleaseAll();
            server.finishAndReleaseAll();
        }

        private static String cn(SslHandler handler) throws Exception {
            X509Certificate leaf = (X509Certificate) handler.engine().getSession().getPeerCertificates()[0];
            return Names.commonNameOf(leaf).orElseThrow();
        }
    }
}
