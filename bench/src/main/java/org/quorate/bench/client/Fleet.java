package org.quorate.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.codec.QnetFrameDecoder;
import org.quorate.protocol.codec.QnetMessageEncoder;

/**
 * All simulated nodes of a run: {@code clusters} two-node clusters named {@code <prefix><i>}. It opens
 * the connections (paced by {@link FleetSettings#inflight()} during the initial ramp), runs each attempt's
 * connect timer, reconnects any node whose attempt or connection ends when {@link ReconnectPolicy} says
 * the real corosync-qdevice would, and triggers the 1:1 split of every cluster.
 */
public final class Fleet implements AutoCloseable {
    /** Each event loop draws its back-offs from its own thread's generator. */
    private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final FleetSettings settings;
    private final SslContext ssl;
    private final InetSocketAddress server;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final Semaphore rampSlots;
    private final ReconnectPolicy policy;
    private volatile boolean running = true;
    private volatile FleetCounters counters = new FleetCounters(0);
    private final List<Channel> channels = Collections.synchronizedList(new ArrayList<>());

    /** @param ssl the client TLS context; null when {@link FleetSettings#tls()} is off */
    public Fleet(FleetSettings settings, SslContext ssl, InetSocketAddress server, List<String> clusterNames) {
        if (settings.tls() && ssl == null) {
            throw new IllegalArgumentException("TLS is on but no client TLS context was given");
        }
        this.settings = settings;
        this.ssl = ssl;
        this.server = server;
        this.rampSlots = new Semaphore(settings.inflight());
        this.policy = ReconnectPolicy.of(settings, THREAD_LOCAL_RANDOM);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("bench-io", true), io);
        this.bootstrap = new Bootstrap()
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                // off: the node's own connect timer ends slow TCP connects, as in the C client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true);
        for (String cluster : clusterNames) {
            for (long id = 1; id <= 2; id++) {
                nodes.add(new SimulatedNode(this, cluster, id, List.of(1L, 2L), group.next()));
            }
        }
    }

    public int size() {
        return nodes.size();
    }

    FleetSettings settings() {
        return settings;
    }

    /** The counters of the current phase. */
    public FleetCounters counters() {
        return counters;
    }

    /** Starts a new measuring phase with fresh counters and returns them. */
    public FleetCounters newEpoch() {
        counters = new FleetCounters(counters.epoch + 1);
        return counters;
    }

    /**
     * Connects every node, at most {@link FleetSettings#inflight()} in start-up at a time; returns when
     * the last connection attempt has been started (not when all are up: watch {@link #counters()}).
     */
    public void connectAll() throws InterruptedException {
        for (int i = 0; i < nodes.size() && running; i++) {
            rampSlots.acquire();
            SimulatedNode node = nodes.get(i);
            int index = i;
            node.loop().execute(() -> connect(node, index, true));
        }
    }

    private void connect(SimulatedNode node, int index, boolean holdsRampSlot) {
        if (!running || node.phase() != NodePhase.IDLE) {
            if (holdsRampSlot) {
                rampSlots.release();
            }
            return;
        }
        node.connecting();
        node.index = index;
        counters.connectAttempts.increment();
        long now = System.nanoTime();
        counters.attemptNanos.add(now);
        // A real node's timers run on its own clock. When this generator's event loop was too busy to start
        // the attempt on time (e.g. right after a kill, while it handles thousands of resets), the attempt
        // keeps the time it was due: its connect timer, and so its retry, stay where the node would have
        // had them, instead of thousands of late timers firing again together 8 s later.
        long started = node.dueNanos != 0 && node.dueNanos - now < 0 ? node.dueNanos : now;
        node.dueNanos = 0;
        InetSocketAddress source = new InetSocketAddress("127.0.0." + (2 + index % settings.sourceAddresses()), 0);
        ChannelFuture future = bootstrap.clone(node.loop()).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("qnet-decoder", QnetFrameDecoder.forClient(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE));
                ch.pipeline().addLast("qnet-encoder", QnetMessageEncoder.INSTANCE);
                ch.pipeline().addLast("node", new NodeChannelHandler(Fleet.this, node));
            }
        }).connect(server, source);
        Channel ch = future.channel();
        node.attempt = ch;
        channels.add(ch);
        ch.closeFuture().addListener(f -> channels.remove(ch));
        if (holdsRampSlot) {
            // the slot is free again once this connection is up or gone, whichever comes first
            ch.closeFuture().addListener(f -> rampSlotDone(node));
            node.rampSlotHeld = true;
        }
        long timerMillis = Math.max(0, policy.connectTimeoutMillis() - (now - started) / 1_000_000);
        node.armConnectTimer(node.loop().schedule(() -> connectTimedOut(node, ch, started),
                timerMillis, TimeUnit.MILLISECONDS));
        future.addListener(f -> {
            if (!f.isSuccess() && node.attempt == ch) {
                tcpConnectFailed(node, started, f.cause());
            }
        });
    }

    /**
     * "Can't connect to qnetd host.": the real client does not retry by itself but idles until the
     * attempt's connect timer fires. A channel that never connected gets no channelInactive, so the next
     * attempt is scheduled from here.
     */
    private void tcpConnectFailed(SimulatedNode node, long started, Throwable cause) {
        FleetCounters now = counters;
        now.connectFailures.increment();
        if (isRefused(cause)) {
            now.connectRefused.increment();
            now.refusedNanos.add(started);
            now.error("connect-refused");
        } else {
            now.error("connect-" + cause.getClass().getSimpleName());
        }
        node.attempt = null;
        node.disconnected();
        retry(node, ReconnectPolicy.AttemptEnd.TCP_CONNECT_FAILED, started);
    }

    /** No INIT_REPLY within the connect timeout ("Connect timeout"). */
    private void connectTimedOut(SimulatedNode node, Channel ch, long started) {
        if (node.attempt != ch) {
            return;
        }
        counters.connectTimeouts.increment();
        // where the attempt was stuck says who was slow: TCP connect (listen backlog full) or the server's start-up
        counters.error("connect-timeout-in-" + node.phase().name().toLowerCase(Locale.ROOT));
        if (ch.isActive()) {
            // past TCP connect: channelInactive follows and retries like after any other disconnect
            ch.close();
            return;
        }
        // still in TCP connect: drop the attempt (its failing connect future is ignored) and start again
        node.attempt = null;
        node.disconnected();
        ch.close();
        retry(node, ReconnectPolicy.AttemptEnd.TIMED_OUT_CONNECTING, started);
    }

    /** Called by a node when it reached ACTIVE. */
    void initCompleted(SimulatedNode node) {
        rampSlotDone(node);
    }

    private void rampSlotDone(SimulatedNode node) {
        if (node.rampSlotHeld) {
            node.rampSlotHeld = false;
            rampSlots.release();
        }
    }

    /** The connection of {@code node} (which had got past TCP connect) is gone. */
    void disconnected(SimulatedNode node) {
        boolean wasActive = node.phase() == NodePhase.ACTIVE;
        node.attempt = null;
        node.disconnected();
        if (wasActive) {
            counters.disconnects.increment();
        }
        retry(node, ReconnectPolicy.AttemptEnd.ENDED_AFTER_CONNECT, System.nanoTime());
    }

    private void retry(SimulatedNode node, ReconnectPolicy.AttemptEnd end, long attemptStartedNanos) {
        if (!running) {
            return;
        }
        long now = System.nanoTime();
        long pause = policy.pauseMillis(end, (now - attemptStartedNanos) / 1_000_000);
        node.dueNanos = now + pause * 1_000_000L;
        Runnable again = () -> connect(node, node.index, false);
        if (pause == 0) {
            node.loop().execute(again);
        } else {
            node.loop().schedule(again, pause, TimeUnit.MILLISECONDS);
        }
    }

    private static boolean isRefused(Throwable cause) {
        // NIO and epoll both report ECONNREFUSED as a ConnectException whose message says so
        return cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("refused");
    }

    SslHandler newSslHandler(Channel ch, String cluster) {
        // The cluster name as "peer host" tells ClusterKeyManager which certificate to present.
        SslHandler handler = ssl.newHandler(ch.alloc(), cluster, server.getPort());
        // the connect timer covers the handshake, as in the C client, which has no handshake timeout of its own
        handler.setHandshakeTimeoutMillis(0);
        return handler;
    }

    /** Splits every cluster 1:1, {@code clustersPerSecond} clusters at a time, both nodes at once. */
    public void splitAll(double clustersPerSecond) throws InterruptedException {
        long intervalNanos = (long) (1e9 / clustersPerSecond);
        long next = System.nanoTime();
        for (int i = 0; i + 1 < nodes.size() && running; i += 2) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            SimulatedNode first = nodes.get(i);
            SimulatedNode second = nodes.get(i + 1);
            first.loop().execute(first::split);
            second.loop().execute(second::split);
            next += intervalNanos;
        }
    }

    /** Number of nodes that are ACTIVE right now (a snapshot read across loops, good enough for progress). */
    public int activeNodes() {
        int active = 0;
        for (SimulatedNode node : nodes) {
            if (node.phase() == NodePhase.ACTIVE) {
                active++;
            }
        }
        return active;
    }

    @Override
    public void close() {
        running = false;
        new ArrayList<>(channels).forEach(Channel::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
