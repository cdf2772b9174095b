package org.quorate.link.tool;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.conf.ConfParser;
import org.quorate.link.LinkLayer;
import org.quorate.link.LinkListener;
import org.quorate.link.config.AddressResolver;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.config.LinkLayerConfigs;
import org.quorate.link.config.LinkSettingKeys;
import org.quorate.link.transport.NettyUdpTransport;
import org.quorate.link.transport.UdpSocketOptions;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link layer's figures over loopback sockets, AEAD on (secauth: on = AES-256-GCM): 200-byte messages per
 * second from one peer to another (each engine on its own event loop, so one core each), round trips, and the
 * heap of an engine at 16 hosts x 2 links. Printed; the targets are asserted loosely, as figures to report.
 */
@Tag("bench")
class LinkLayerBenchTest {
    private static final int BASE_PORT = 25405;

    @TempDir
    Path dir;

    /** {@code nodes} nodes on 127.0.0.I (link 0) and 127.0.1.I (link 1), AEAD on. */
    private List<LinkLayerConfig> configs(int nodes, String aead) throws Exception {
        StringBuilder sb = new StringBuilder("totem {\n version: 2\n cluster_name: bench\n secauth: on\n"
                + " interface {\n  linknumber: 0\n  mcastport: " + BASE_PORT + "\n }\n"
                + " interface {\n  linknumber: 1\n  mcastport: " + (BASE_PORT + 1) + "\n }\n}\nnodelist {\n");
        for (int i = 1; i <= nodes; i++) {
            sb.append(" node {\n  name: b").append(i).append("\n  nodeid: ").append(i)
                    .append("\n  ring0_addr: 127.0.0.").append(i).append("\n  ring1_addr: 127.0.1.").append(i).append("\n }\n");
        }
        sb.append("}\nquorum {\n provider: corosync_votequorum\n}\n");
        Path key = dir.resolve("authkey");
        byte[] secret = new byte[256];
        new Random(11).nextBytes(secret);
        Files.write(key, secret);
        var doc = ConfParser.parse("bench.conf", sb.toString());
        var settings = LinkSettingKeys.SCHEMA.newSettings();
        settings.applyAll("aead=" + aead);
        List<LinkLayerConfig> out = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            out.add(LinkLayerConfigs.fromCorosync(doc, i, key, settings.build(), AddressResolver.SYSTEM));
        }
        return out;
    }

    private static <T> T on(NettyUdpTransport t, Callable<T> c) throws Exception {
        return t.eventLoop().submit(c).get(30, TimeUnit.SECONDS);
    }

    private static void awaitReachable(NettyUdpTransport t, LinkLayer layer, int host) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!on(t, () -> layer.reachable(host))) {
            assertThat(System.nanoTime()).as("host " + host + " reachable within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Sends as fast as the layer accepts: a batch per event-loop turn, so the transport flushes between turns. */
    static final class Flood implements Runnable {
        final LinkLayer layer;
        final NettyUdpTransport t;
        final byte[] msg = new byte[200];
        volatile boolean running = true;
        long accepted;
        long refused;

        Flood(LinkLayer layer, NettyUdpTransport t) {
            this.layer = layer;
            this.t = t;
        }

        @Override
        public void run() {
            if (!running) {
                return;
            }
            for (int i = 0; i < 32; i++) {
                if (layer.send(2, msg)) {
                    accepted++;
                } else {
                    refused++;
                }
            }
            t.eventLoop().execute(this);
        }
    }

    @Test
    void throughputAndRoundTripOfTwoHundredByteMessagesOverLoopback() throws Exception {
        for (String aead : List.of("aes-gcm", "chacha20-poly1305")) {
            List<LinkLayerConfig> c = configs(2, aead);
            try (NettyUdpTransport t1 = NettyUdpTransport.start(UdpSocketOptions.DEFAULTS, true, "bench-1");
                 NettyUdpTransport t2 = NettyUdpTransport.start(UdpSocketOptions.DEFAULTS, true, "bench-2")) {
                LinkLayer a = Engines.real().create(c.get(0), t1, t1.scheduler());
                LinkLayer b = Engines.real().create(c.get(1), t2, t2.scheduler());
                AtomicLong received = new AtomicLong();
                Switch la = new Switch(new Counting(new AtomicLong()));
                Switch lb = new Switch(new Counting(received));
                on(t1, () -> {
                    a.start(la);
                    return null;
                });
                on(t2, () -> {
                    b.start(lb);
                    return null;
                });
                awaitReachable(t1, a, 2);
                awaitReachable(t2, b, 1);
                Flood flood = new Flood(a, t1);
                t1.eventLoop().execute(flood);
                Thread.sleep(2000); // warm-up
                long r0 = received.get();
                long n0 = System.nanoTime();
                Thread.sleep(10_000);
                long r1 = received.get();
                long n1 = System.nanoTime();
                flood.running = false;
                double perSecond = (r1 - r0) / ((n1 - n0) / 1e9);
                Thread.sleep(500);
                long[] sendCounts = on(t1, () -> new long[]{flood.accepted, flood.refused});
                System.out.printf(Locale.ROOT, "BENCH throughput %s: %.0f messages/s of 200 B received from one peer"
                        + " (sender accepted %d, refused %d)%n", aead, perSecond, sendCounts[0], sendCounts[1]);

                // round trips at a steady 1000 pings/s, with BenchTraffic answering on the other side
                BenchTraffic pinger = new BenchTraffic(a, t1.scheduler(), List.of(2), 2, 1000, 200, true, e -> { });
                BenchTraffic ponger = new BenchTraffic(b, t2.scheduler(), List.of(1), 0, 0, 200, true, e -> { });
                on(t2, () -> {
                    lb.target = ponger;
                    return null;
                });
                on(t1, () -> {
                    la.target = pinger;
                    pinger.startSending();
                    return null;
                });
                Thread.sleep(10_000);
                on(t1, () -> {
                    pinger.stopSending();
                    return null;
                });
                Thread.sleep(500);
                RttRecorder rtt = on(t1, () -> pinger.peers().get(2).rtt);
                System.out.printf(Locale.ROOT, "BENCH rtt %s: p50 %.1f us, p99 %.1f us, max %.1f us over %d pings%n", aead,
                        rtt.percentileNanos(50) / 1e3, rtt.percentileNanos(99) / 1e3, rtt.maxNanos() / 1e3, rtt.count());
                on(t1, () -> {
                    a.close();
                    return null;
                });
                on(t2, () -> {
                    b.close();
                    return null;
                });
                assertThat(perSecond).isPositive();
                assertThat(rtt.count()).isGreaterThan(5000);
            }
        }
    }

    @Test
    void heapOfAnEngineAtSixteenHostsAndTwoLinks() throws Exception {
        List<LinkLayerConfig> c = configs(16, "aes-gcm");
        try (NettyUdpTransport t = NettyUdpTransport.start(UdpSocketOptions.DEFAULTS, true, "bench-mem")) {
            long baseline = heapAfterGc();
            List<LinkLayer> layers = new ArrayList<>();
            for (LinkLayerConfig cfg : c) {
                layers.add(Engines.real().create(cfg, t, t.scheduler()));
            }
            on(t, () -> {
                layers.forEach(l -> l.start(new Counting(new AtomicLong())));
                return null;
            });
            for (int h = 2; h <= 16; h++) {
                awaitReachable(t, layers.get(0), h);
            }
            byte[] msg = new byte[200];
            for (int round = 0; round < 50; round++) {
                on(t, () -> {
                    layers.forEach(l -> l.sendToAll(msg));
                    return null;
                });
                Thread.sleep(20);
            }
            long after = heapAfterGc();
            double perEngine = (after - baseline) / 16.0;
            System.out.printf(Locale.ROOT, "BENCH memory: %.1f KiB of heap per engine at 16 hosts x 2 links"
                    + " (16 engines: %.1f MiB after GC over a baseline of %.1f MiB)%n", perEngine / 1024,
                    (after - baseline) / 1048576.0, baseline / 1048576.0);
            on(t, () -> {
                layers.forEach(LinkLayer::close);
                return null;
            });
            assertThat(after).isGreaterThan(baseline);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Hands the layer's callbacks to whichever listener the bench phase needs (set on the loop). */
    static final class Switch implements LinkListener {
        LinkListener target;

        Switch(LinkListener target) {
            this.target = target;
        }

        @Override
        public void onMessage(int fromHost, byte[] message) {
            target.onMessage(fromHost, message);
        }

        @Override
        public void onReachability(int hostId, boolean reachable) {
            target.onReachability(hostId, reachable);
        }
    }

    /** Counts messages; nothing else. */
    record Counting(AtomicLong received) implements LinkListener {
        @Override
        public void onMessage(int fromHost, byte[] message) {
            received.incrementAndGet();
        }

        @Override
        public void onReachability(int hostId, boolean reachable) {
        }
    }
}
