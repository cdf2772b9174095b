package org.quorate.qdevice.scenario;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.PollResult;
import org.quorate.qdevice.config.QdeviceSettings;
import org.quorate.qdevice.net.CastVoteTimer;
import org.quorate.qdevice.net.Heuristics;
import org.quorate.qdevice.net.NetClient;
import org.quorate.qdevice.net.NettyNetTransport;
import org.quorate.qdevice.net.NodeView;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.qnetd.server.QnetdEvents;
import org.quorate.qnetd.server.QnetdServer;
import org.quorate.time.EventLoopScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * The same scenarios over real loopback TCP, real time: Quorate's qnetd server on 127.0.0.1 and one Netty
 * event loop per simulated node, as separate daemons would have.
 */
public final class SocketQuorumNetwork implements QuorumNetwork {
    private final List<MultiThreadIoEventLoopGroup> nodeLoops = new ArrayList<>();
    private final List<SimNode> nodes = new ArrayList<>();
    private QnetdServer server;
    private volatile int port;   // qnetd's; the fault proxies read it per connection

    public SocketQuorumNetwork() {
        startQnetd();
    }

    @Override
    public SimNode start(long nodeId, int clusterSize, DecisionAlgorithm algorithm) {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        nodeLoops.add(group);
        EventLoop loop = group.next();
        EventLoopScheduler scheduler = new EventLoopScheduler(loop);
        SimNode n = new SimNode(nodeId);
        nodes.add(n);
        FaultProxy proxy;
        try {
            proxy = new FaultProxy(n.faults, () -> port);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("can't open node " + nodeId + "'s fault proxy on 127.0.0.1", e);
        }
        proxies.put(n, proxy);
        onLoop(loop, () -> {
            n.view = new NodeView(new NodeListNotification(new RingId(1, 1), List.of(nodeId)));
            n.castVote = new CastVoteTimer(scheduler, 5000, (cast, ring) -> {
                n.lastPolled = cast ? Vote.ACK : Vote.NACK;
                return PollResult.ACCEPTED;
            }, n.view::ringId, e -> { });
            n.client = new NetClient(scheduler, NettyNetTransport.factory(loop, null, 32768), QdeviceSettings.defaults(),
                    ScenarioConfig.of("sim", nodeId, clusterSize, algorithm, "127.0.0.1", proxy.port(), TlsSupported.SUPPORTED),
                    n.castVote, Heuristics.DISABLED, n.view, reason -> { }, new Random(nodeId));
            n.client.start();
            return null;
        });
        loops.put(n, loop);
        return n;
    }

    private final java.util.Map<SimNode, EventLoop> loops = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<SimNode, FaultProxy> proxies = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void cut(SimNode node, Direction direction) {
        node.faults.cut(direction);
    }

    @Override
    public void delay(SimNode node, Duration oneWay) {
        node.faults.delay(oneWay);
    }

    @Override
    public void heal(SimNode node) {
        node.faults.heal();
    }

    @Override
    public void dropConnection(SimNode node) {
        proxies.get(node).dropConnections();
    }

    private static <T> T onLoop(EventLoop loop, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    @Override
    public void onNode(SimNode node, Runnable action) {
        onLoop(loops.get(node), () -> {
            action.run();
            return null;
        });
    }

    @Override
    public <T> T query(SimNode node, Supplier<T> read) {
        return onLoop(loops.get(node), read);
    }

    @Override
    public void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("loopback sockets: " + what + " did not happen within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Override
    public void pass(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    @Override
    public void stopQnetd() {
        server.close();
        server = null;
    }

    @Override
    public void startQnetd() {
        QnetdSettings settings = QnetdSettings.defaults().toBuilder().tls(TlsSupported.UNSUPPORTED)
                .listenAddress("127.0.0.1").port(port).build();
        server = new QnetdServer(settings, null, QnetdEvents.NONE);
        try {
            port = server.start().getPort();
        } catch (Exception e) {
            throw new IllegalStateException("can't start qnetd on 127.0.0.1:" + port, e);
        }
    }

    @Override
    public void close() {
        for (SimNode n : nodes) {
            onNode(n, () -> n.client.stop());
        }
        if (server != null) {
            server.close();
        }
        proxies.values().forEach(FaultProxy::close);
        nodeLoops.forEach(g -> g.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
    }
}
