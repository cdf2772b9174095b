package org.quorate.link.tool;

import org.quorate.link.LinkLayer;
import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.status.CfgtoolFormatter;
import org.quorate.link.status.LinkLayerStatus;
import org.quorate.link.status.LinkStatusJson;
import org.quorate.link.transport.ImpairedTransport;
import org.quorate.link.transport.NettyUdpTransport;
import org.quorate.link.transport.RxImpairment;
import org.quorate.link.transport.UdpSocketOptions;
import org.quorate.net.DatagramTransport;
import org.quorate.time.Scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One quorate-linkbench run: a Netty UDP transport (impaired if asked), the link layer on its event loop,
 * the traffic, the status files; send for the duration, stop, let the last messages drain, collect, close.
 * The layer, the traffic and the status snapshots live on the event loop; files are written by a thread of
 * their own so that a slow disk never stalls the heartbeats.
 */
final class BenchRun {
    /** What to run. {@code target} 0 = every remote host; {@code status} null = no status files. */
    record Plan(LinkLayerConfig config, UdpSocketOptions socket, RxImpairment impairment, int target, double rate,
                int size, boolean pingPong, Duration duration, Duration drain, StatusFiles status,
                Duration statusInterval) {
    }

    /** The counts per remote host, copied off the event loop after the run. */
    record Result(Map<Integer, PeerCounters> peers) {
    }

    private final Plan plan;
    private final LinkLayerFactory factory;
    private final EventSink events;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linkbench-status");
        t.setDaemon(true);
        return t;
    });
    private volatile IOException statusFailure;
    private LinkLayer layer;
    private Scheduler.Cancellable statusTimer;
    private boolean stopped;

    BenchRun(Plan plan, LinkLayerFactory factory, EventSink events) {
        this.plan = plan;
        this.factory = factory;
        this.events = events;
    }

    Result run() {
        NettyUdpTransport udp = NettyUdpTransport.start(plan.socket());
        try {
            Scheduler scheduler = udp.scheduler();
            DatagramTransport transport = plan.impairment().isNone() ? udp
                    : new ImpairedTransport(udp, scheduler, plan.impairment());
            List<Integer> remotes = plan.config().hosts().stream().map(HostLinks::hostId).toList();
            layer = factory.create(plan.config(), transport, scheduler);
            BenchTraffic traffic = new BenchTraffic(layer, scheduler, remotes, plan.target(), plan.rate(), plan.size(),
                    plan.pingPong(), events);
            onLoop(udp, () -> {
                layer.start(traffic);
                traffic.startSending();
                if (plan.status() != null) {
                    writeStatus();
                    statusTimer = scheduler.schedule(() -> statusTick(scheduler), plan.statusInterval().toNanos(),
                            TimeUnit.NANOSECONDS);
                }
                return null;
            });
            sleep(plan.duration());
            onLoop(udp, () -> {
                traffic.stopSending();
                return null;
            });
            sleep(plan.drain());
            Map<Integer, PeerCounters> peers = onLoop(udp, () -> {
                stopped = true;
                if (statusTimer != null) {
                    statusTimer.cancel();
                    writeStatus();
                }
                layer.close();
                return new LinkedHashMap<>(traffic.peers());
            });
            writer.shutdown();
            awaitWriter();
            if (statusFailure != null) {
                throw new LinkbenchMain.BenchException("--status-file " + plan.status().text() + ": "
                        + statusFailure.getMessage(), statusFailure);
            }
            return new Result(peers);
        } finally {
            writer.shutdownNow();
            udp.close();
        }
    }

    private void statusTick(Scheduler scheduler) {
        if (stopped) {
            return;
        }
        writeStatus();
        statusTimer = scheduler.schedule(() -> statusTick(scheduler), plan.statusInterval().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Snapshots on the loop, writes on the writer thread. */
    private void writeStatus() {
        LinkLayerStatus s = layer.status();
        String text = CfgtoolFormatter.status(s);
        String nodes = CfgtoolFormatter.nodes(s);
        String json = LinkStatusJson.json(s);
        writer.execute(() -> {
            try {
                plan.status().write(text, nodes, json);
            } catch (IOException e) {
                if (statusFailure == null) {
                    statusFailure = e;
                }
            }
        });
    }

    private void awaitWriter() {
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T onLoop(NettyUdpTransport udp, Callable<T> task) {
        try {
            return udp.eventLoop().submit(task).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof LinkbenchMain.BenchException b) {
                throw b;
            }
            if (c instanceof UncheckedIOException io) {
                throw new LinkbenchMain.BenchException(io.getMessage(), io);
            }
            throw new LinkbenchMain.BenchException("the link layer failed: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkbenchMain.BenchException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new LinkbenchMain.BenchException("the link layer's event loop did not answer within 30 s", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
