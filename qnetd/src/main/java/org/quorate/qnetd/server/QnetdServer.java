package org.quorate.qnetd.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.codec.QnetFrameDecoder;
import org.quorate.qnetd.config.QnetdSettings;
import org.quorate.time.EventLoopScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_RECEIVE_SIZE;

/**
 * The qnetd network server. One event loop thread owns every connection, session and cluster, so the
 * protocol logic needs no locks; the expensive part of TLS handshakes (key exchange, signatures) runs
 * on a small pool through the SSL engine's delegated tasks, so handshakes of thousands of reconnecting
 * clients use both cores without blocking heartbeats.
 */
public final class QnetdServer implements QnetdTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QnetdServer.class);

    private final QnetdSettings settings;
    private final SslContext sslContext;
    private final QnetdEvents events;
    private EventLoopGroup loop;
    private EventLoopGroup acceptor;
    private ExecutorService tlsTasks;
    private ServerContext context;
    private Channel serverChannel;
    private boolean mappedIpv4;
    private volatile boolean goingDown;
    private final List<Channel> clientChannels = new ArrayList<>();

    /**
     * @param sslContext the server TLS context; null only when TLS is off. The TLS handshake gate's limits are
     *                   settings ({@code tls_handshake_limit}, {@code tls_handshake_lease}, see {@link HandshakeGate})
     */
    public QnetdServer(QnetdSettings settings, SslContext sslContext, QnetdEvents events) {
        if (settings.tls() != TlsSupported.UNSUPPORTED && sslContext == null) {
            throw new IllegalArgumentException("TLS is " + settings.tls().displayName() + " but no TLS context was given");
        }
        this.settings = settings;
        this.sslContext = sslContext;
        this.events = events;
    }

    /** Binds the listening socket and serves it; returns the bound address (port 0 picks a free one). */
    public InetSocketAddress start() throws Exception {
        return start(ListenSocket.open(settings));
    }

    /** Serves a socket bound earlier (see {@link ListenSocket}); returns its address. */
    public InetSocketAddress start(ListenSocket listen) throws Exception {
        boolean epoll = listen.epoll();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("qnetd-loop"), io);
        // Accepting on its own thread keeps the small C-default backlog (10) drained while the logic loop is
        // busy with a reconnect storm; otherwise SYNs are dropped and clients wait for TCP's retransmit.
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("qnetd-accept"), io);
        tlsTasks = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("qnetd-tls", true));
        context = ServerContext.create(settings, new EventLoopScheduler(loop.next()), events);
        mappedIpv4 = listen.mappedIpv4();
        String listenDescription = listen.description();
        ServerChannel listening = listen.handOver();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, loop)
                .channelFactory(() -> listening)
                // The C server leaves Nagle on and delays the ACK VOTE_INFO by ~40 ms (errata E-08).
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        QnetFrameDecoder decoder = QnetFrameDecoder.forServer(settings.get(MAX_CLIENT_RECEIVE_SIZE));
                        ch.pipeline().addLast("qnet-decoder", decoder);
                        ch.pipeline().addLast("qnet-client", new ClientChannelHandler(QnetdServer.this, decoder));
                        clientChannels.add(ch);
                        ch.closeFuture().addListener(f -> clientChannels.remove(ch));
                    }
                });
        // The socket is listening already: registering it with the acceptor loop starts accepting.
        serverChannel = bootstrap.register().sync().channel();
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("QNetd listening on {} port {} (TLS {}, {} transport)", listenDescription, bound.getPort(),
                settings.tls().displayName(), epoll ? "epoll" : "nio");
        return bound;
    }

    /** Runs {@code query} on the logic thread, e.g. to take a status snapshot. */
    public <T> CompletableFuture<T> onLoop(Function<ServerContext, T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.next().execute(() -> {
            try {
                result.complete(query.apply(context));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Stops accepting, disconnects every client with "server going down" (so algorithms send no votes,
     * as in the C daemon) and releases the threads.
     */
    @Override
    public void close() {
        goingDown = true;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            loop.next().submit(() -> new ArrayList<>(clientChannels).forEach(Channel::close)).syncUninterruptibly();
        }
        if (acceptor != null) {
            acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (loop != null) {
            loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (tlsTasks != null) {
            tlsTasks.shutdownNow();
        }
    }

    // ---- QnetdTransport ----

    @Override
    public ServerContext context() {
        return context;
    }

    @Override
    public QnetdSettings settings() {
        return settings;
    }

    @Override
    public boolean refuseNewClient() {
        return settings.maxClients() != 0 && context.registry().connectionCount() >= settings.maxClients();
    }

    @Override
    public boolean showsMappedIpv4() {
        return mappedIpv4;
    }

    @Override
    public boolean goingDown() {
        return goingDown;
    }

    @Override
    public SslHandler newSslHandler(ByteBufAllocator alloc) {
        return sslContext.newHandler(alloc, tlsTasks);
    }
}
