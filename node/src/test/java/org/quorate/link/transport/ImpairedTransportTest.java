package org.quorate.link.transport;

import org.junit.jupiter.api.Test;
import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.DatagramTransport;
import org.quorate.time.VirtualScheduler;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ImpairedTransportTest {
    private static final InetSocketAddress SRC = new InetSocketAddress("198.18.62.2", 5405);

    /** An inner transport whose single endpoint the test feeds by hand. */
    static final class Feed implements DatagramTransport {
        DatagramReceiver receiver;

        @Override
        public DatagramEndpoint open(InetSocketAddress local, DatagramReceiver r) {
            receiver = r;
            return new DatagramEndpoint() {
                @Override
                public InetSocketAddress localAddress() {
                    return local;
                }

                @Override
                public void send(InetSocketAddress d, byte[] data, int offset, int length) {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static List<Integer> run(RxImpairment imp, int count, VirtualScheduler clock, ImpairedTransport[] out)
            throws Exception {
        Feed feed = new Feed();
        ImpairedTransport t = new ImpairedTransport(feed, clock, imp);
        out[0] = t;
        List<Integer> got = new ArrayList<>();
        t.open(new InetSocketAddress("198.18.62.1", 5405), (source, data, length) -> got.add((int) data[0] & 0xff | (data[1] & 0xff) << 8));
        byte[] buf = new byte[2];
        for (int i = 0; i < count; i++) {
            buf[0] = (byte) i;
            buf[1] = (byte) (i >> 8);
            feed.receiver.received(SRC, buf, 2);
            buf[0] = buf[1] = (byte) 0xee; // the impaired copy must not see the reused buffer
            clock.advance(100, TimeUnit.MICROSECONDS);
        }
        clock.advance(1, TimeUnit.SECONDS);
        return got;
    }

    @Test
    void lossDropsTheConfiguredShareAndTheSameSeedDropsTheSameDatagrams() throws Exception {
        RxImpairment imp = new RxImpairment(0.25, Duration.ZERO, Duration.ZERO, 62);
        ImpairedTransport[] t = new ImpairedTransport[1];
        List<Integer> a = run(imp, 10_000, new VirtualScheduler(), t);
        // 10,000 x 0.25 = 2,500, sigma ~43: 5 sigma either side
        assertThat(t[0].dropped()).isBetween(2285L, 2715L);
        assertThat(a).hasSize(10_000 - (int) t[0].dropped()).isSorted();
        List<Integer> b = run(imp, 10_000, new VirtualScheduler(), t);
        assertThat(b).isEqualTo(a);
        List<Integer> other = run(new RxImpairment(0.25, Duration.ZERO, Duration.ZERO, 63), 10_000, new VirtualScheduler(), t);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void delayAndJitterHoldCopiesWithinTheirBoundsAndReorder() throws Exception {
        VirtualScheduler clock = new VirtualScheduler();
        Feed feed = new Feed();
        ImpairedTransport t = new ImpairedTransport(feed, clock, new RxImpairment(0, Duration.ofMillis(20),
                Duration.ofMillis(5), 7));
        List<long[]> got = new ArrayList<>();
        t.open(new InetSocketAddress("198.18.62.1", 5405), (s, d, l) -> got.add(new long[]{d[0], clock.nanoTime()}));
        byte[] buf = new byte[1];
        for (int i = 0; i < 100; i++) {
            buf[0] = (byte) i;
            feed.receiver.received(SRC, buf, 1);
            buf[0] = -1;
            clock.advance(1, TimeUnit.MILLISECONDS);
        }
        clock.advance(1, TimeUnit.SECONDS);
        assertThat(got).hasSize(100);
        for (long[] g : got) {
            long sentAt = TimeUnit.MILLISECONDS.toNanos(g[0]);
            assertThat(g[1] - sentAt).isBetween(TimeUnit.MILLISECONDS.toNanos(15) - 1, TimeUnit.MILLISECONDS.toNanos(26));
        }
        assertThat(got.stream().map(g -> g[0]).toList()).isNotEqualTo(got.stream().map(g -> g[0]).sorted().toList());
        assertThat(t.delayed()).isEqualTo(100);
    }

    @Test
    void noImpairmentDeliversInline() throws Exception {
        ImpairedTransport[] t = new ImpairedTransport[1];
        assertThat(RxImpairment.NONE.isNone()).isTrue();
        assertThat(run(RxImpairment.NONE, 300, new VirtualScheduler(), t)).hasSize(300).isSorted();
        assertThat(t[0].dropped()).isZero();
    }
}
