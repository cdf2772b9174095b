package org.quorate.qnetd.server;

import org.junit.jupiter.api.Test;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.Preinit;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.testsupport.qnet.BlockingFrames;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daemon binds before its slow start-up steps; nodes connecting in between must be served, not refused. */
class ListenSocketTest {
    private static final QnetdSettings PLAIN = QnetdSettings.defaults().toBuilder()
            .listenAddress("127.0.0.1").port(0).tls(TlsSupported.UNSUPPORTED).build();

    @Test
    void aNodeThatConnectsBeforeTheServerServesIsAnsweredOnceItDoes() throws Exception {
        ListenSocket listen = ListenSocket.open(PLAIN);
        InetSocketAddress address = listen.localAddress();
        assertThat(address.getPort()).isPositive();
        try (Socket early = new Socket()) {
            // the kernel completes the TCP handshake from the listen queue; nothing reads yet
            early.connect(address, 2000);
            early.setSoTimeout(5000);
            early.getOutputStream().write(QnetCodec.encode(new Preinit(1L, ClusterName.of("early"))));
            try (QnetdServer server = new QnetdServer(PLAIN, null, QnetdEvents.NONE)) {
                InetSocketAddress served = server.start(listen);
                assertThat(served).isEqualTo(address);
                assertThat(BlockingFrames.read(early.getInputStream())).isInstanceOf(PreinitReply.class);
            }
        }
    }

    @Test
    void closingAnUnservedSocketFreesThePort() throws Exception {
        ListenSocket listen = ListenSocket.open(PLAIN);
        InetSocketAddress address = listen.localAddress();
        listen.close();
        assertThatThrownBy(() -> new Socket().connect(address, 2000)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aSocketIsHandedOverOnlyOnce() throws Exception {
        try (ListenSocket listen = ListenSocket.open(PLAIN);
             QnetdServer server = new QnetdServer(PLAIN, null, QnetdEvents.NONE)) {
            server.start(listen);
            assertThatThrownBy(listen::handOver).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("handed over already");
        }
    }

    @Test
    void aPortInUseIsAnErrorAtOpen() throws Exception {
        try (ListenSocket first = ListenSocket.open(PLAIN)) {
            QnetdSettings same = PLAIN.toBuilder().port(first.localAddress().getPort()).build();
            assertThatThrownBy(() -> ListenSocket.open(same)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theDualStackWildcardIsAnIpv6SocketWhoseIpv4PeersShowAsMapped() throws Exception {
        // Docker without IPv6 made Netty's default family AF_INET here; the socket must be AF_INET6 like NSPR's.
        QnetdSettings wildcard = PLAIN.toBuilder().listenAddress(null).build();
        try (ListenSocket listen = ListenSocket.bind(wildcard)) {
            assertThat(listen.localAddress().getAddress()).isInstanceOf(java.net.Inet6Address.class);
            assertThat(listen.mappedIpv4()).isTrue();
        }
    }

    @Test
    void anIpv4ListenAddressIsAnIpv4Socket() throws Exception {
        try (ListenSocket listen = ListenSocket.bind(PLAIN)) {
            assertThat(listen.localAddress().getAddress()).isInstanceOf(java.net.Inet4Address.class);
            assertThat(listen.mappedIpv4()).isFalse();
        }
    }
}
