package org.quorate.link.transport;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.SendFailure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Real sockets on 127.0.0.1 and ::1 only, over epoll and over NIO. */
class NettyUdpTransportTest {
    private static NettyUdpTransport transport(boolean epoll) {
        return NettyUdpTransport.start(UdpSocketOptions.DEFAULTS, epoll, "test-link");
    }

    private static List<Boolean> kinds() {
        return Epoll.isAvailable() ? List.of(true, false) : List.of(false);
    }

    /** What a receiver saw, copied out of the transport's reused array. */
    static final class Recorder implements DatagramReceiver {
        final List<byte[]> datagrams = new CopyOnWriteArrayList<>();
        final List<InetSocketAddress> sources = new CopyOnWriteArrayList<>();
        final List<SendFailure> failures = new CopyOnWriteArrayList<>();
        final List<String> details = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void received(InetSocketAddress source, byte[] data, int length) {
            datagrams.add(java.util.Arrays.copyOf(data, length));
            sources.add(source);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void sendFailed(InetSocketAddress destination, SendFailure failure, String detail) {
            failures.add(failure);
            details.add(destination + " " + detail);
            threads.add(Thread.currentThread().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void datagramsGoBothWaysOnTheEventLoopThread(String host) throws Exception {
        for (boolean epoll : kinds()) {
            try (NettyUdpTransport t = transport(epoll)) {
                InetAddress a = InetAddress.getByName(host);
                Recorder ra = new Recorder();
                Recorder rb = new Recorder();
                DatagramEndpoint ea = t.open(new InetSocketAddress(a, 0), ra);
                DatagramEndpoint eb = t.open(new InetSocketAddress(a, 0), rb);
                byte[] big = new byte[60000];
                for (int i = 0; i < big.length; i++) {
                    big[i] = (byte) i;
                }
                ea.send(eb.localAddress(), "hello".getBytes(), 0, 5);
                ea.send(eb.localAddress(), big, 0, big.length);
                eb.send(ea.localAddress(), new byte[]{9, 8, 7, 6}, 1, 2);
                await().atMost(5, TimeUnit.SECONDS).until(() -> rb.datagrams.size() == 2 && ra.datagrams.size() == 1);
                assertThat(new String(rb.datagrams.get(0))).isEqualTo("hello");
                assertThat(rb.datagrams.get(1)).isEqualTo(big);
                assertThat(rb.sources.get(0)).isEqualTo(ea.localAddress());
                assertThat(ra.datagrams.get(0)).containsExactly(8, 7);
                assertThat(ra.failures).isEmpty();
                // the engine's timers run on the same thread as the receive callbacks
                CountDownLatch ran = new CountDownLatch(1);
                String[] timerThread = new String[1];
                t.scheduler().schedule(() -> {
                    timerThread[0] = Thread.currentThread().getName();
                    ran.countDown();
                }, 1, TimeUnit.MILLISECONDS);
                assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(rb.threads).containsOnly(timerThread[0]);
                assertThat(t.epoll()).isEqualTo(epoll);
            }
        }
    }

    @Test
    void aSendToAPortNobodyListensOnFailsQuietlyAndTheSocketKeepsWorking() throws Exception {
        for (boolean epoll : kinds()) {
            try (NettyUdpTransport t = transport(epoll)) {
                InetAddress lo = InetAddress.getLoopbackAddress();
                Recorder ra = new Recorder();
                Recorder rb = new Recorder();
                DatagramEndpoint ea = t.open(new InetSocketAddress(lo, 0), ra);
                InetSocketAddress nobody;
                try (var probe = new java.net.DatagramSocket(0, lo)) {
                    nobody = (InetSocketAddress) probe.getLocalSocketAddress();
                }
                for (int i = 0; i < 10; i++) {
                    ea.send(nobody, new byte[100], 0, 100);
                }
                DatagramEndpoint eb = t.open(new InetSocketAddress(lo, 0), rb);
                ea.send(eb.localAddress(), new byte[]{1}, 0, 1);
                await().atMost(5, TimeUnit.SECONDS).until(() -> rb.datagrams.size() == 1);
                // an unconnected socket gets no ICMP error (Linux reports it only with IP_RECVERR);
                // if a kernel ever reports one, it must be classified as unreachable
                assertThat(ra.failures).allMatch(f -> f == SendFailure.UNREACHABLE);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void anOversizedDatagramIsReportedAsMessageTooBig(String host) throws Exception {
        for (boolean epoll : kinds()) {
            try (NettyUdpTransport t = transport(epoll)) {
                InetAddress a = InetAddress.getByName(host);
                Recorder ra = new Recorder();
                Recorder rb = new Recorder();
                DatagramEndpoint ea = t.open(new InetSocketAddress(a, 0), ra);
                DatagramEndpoint eb = t.open(new InetSocketAddress(a, 0), rb);
                ea.send(eb.localAddress(), new byte[65600], 0, 65600);
                await().atMost(5, TimeUnit.SECONDS).until(() -> !ra.failures.isEmpty());
                assertThat(ra.failures).containsExactly(SendFailure.MESSAGE_TOO_BIG);
                assertThat(ra.details.get(0)).contains(eb.localAddress().toString());
                ea.send(eb.localAddress(), new byte[]{1}, 0, 1);
                await().atMost(5, TimeUnit.SECONDS).until(() -> rb.datagrams.size() == 1);
                assertThat(rb.datagrams).hasSize(1);
            }
        }
    }

    @Test
    void aBindErrorNamesTheAddress() throws Exception {
        for (boolean epoll : kinds()) {
            try (NettyUdpTransport t = transport(epoll)) {
                DatagramEndpoint first = t.open(new InetSocketAddress("127.0.0.1", 0), new Recorder());
                int port = first.localAddress().getPort();
                assertThatThrownBy(() -> t.open(new InetSocketAddress("127.0.0.1", port), new Recorder()))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("cannot bind 127.0.0.1:" + port);
                assertThatThrownBy(() -> t.open(new InetSocketAddress("198.18.255.254", 5405), new Recorder()))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("cannot bind 198.18.255.254:5405");
            }
        }
    }

    @Test
    void openOnTheEventLoopBindsInline() throws Exception {
        for (boolean epoll : kinds()) {
            try (NettyUdpTransport t = transport(epoll)) {
                var bound = t.eventLoop().submit(() -> t.open(new InetSocketAddress("127.0.0.1", 0), new Recorder()))
                        .get(5, TimeUnit.SECONDS);
                assertThat(bound.localAddress().getPort()).isPositive();
            }
        }
    }

    @Test
    void sendsAboveTheHighWaterMarkAreRefusedAsNoBufferSpace() throws Exception {
        UdpSocketOptions tiny = new UdpSocketOptions(1 << 16, 1 << 16, 1000, 500, true);
        for (boolean epoll : kinds()) {
            try (NettyUdpTransport t = NettyUdpTransport.start(tiny, epoll, "test-wm")) {
                Recorder ra = new Recorder();
                Recorder rb = new Recorder();
                DatagramEndpoint ea = t.open(new InetSocketAddress("127.0.0.1", 0), ra);
                DatagramEndpoint eb = t.open(new InetSocketAddress("127.0.0.1", 0), rb);
                // one task on the loop: nothing is flushed before it ends, so the queue grows past 1000 bytes
                t.eventLoop().submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        ea.send(eb.localAddress(), new byte[400], 0, 400);
                    }
                }).get(5, TimeUnit.SECONDS);
                await().atMost(5, TimeUnit.SECONDS).until(() -> ra.failures.size() + rb.datagrams.size() == 10);
                // 400 + 400 + 400 crosses 1000: the fourth and later sends are refused before any copy
                assertThat(rb.datagrams).hasSize(3);
                assertThat(ra.failures).hasSize(7).containsOnly(SendFailure.NO_BUFFER_SPACE);
                // once flushed, the queue is below the low mark again and sends pass
                ea.send(eb.localAddress(), new byte[]{1}, 0, 1);
                await().atMost(5, TimeUnit.SECONDS).until(() -> rb.datagrams.size() == 4);
            }
        }
    }

    @Test
    void closedEndpointsReportTheirSendsAsFailed() throws Exception {
        try (NettyUdpTransport t = transport(Epoll.isAvailable())) {
            Recorder ra = new Recorder();
            DatagramEndpoint ea = t.open(new InetSocketAddress("127.0.0.1", 0), ra);
            InetSocketAddress self = ea.localAddress();
            ea.close();
            ea.close();
            ea.send(self, new byte[1], 0, 1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !ra.failures.isEmpty());
            assertThat(ra.failures).containsExactly(SendFailure.OTHER);
            assertThat(ra.details.get(0)).contains("closed");
        }
    }
}
