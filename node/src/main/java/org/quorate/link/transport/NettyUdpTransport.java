package org.quorate.link.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.DatagramTransport;
import org.quorate.time.EventLoopScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The link layer's UDP sockets on one Netty event loop (epoll when its native library loads, else NIO).
 * Everything happens on that loop: datagrams and send failures are delivered there, and {@link #scheduler()}
 * runs the engine's timers there, so the engine needs no lock. One socket per bound address; SO_REUSEADDR
 * is off, so a second daemon on the same port fails to bind instead of silently sharing its datagrams.
 */
public final class NettyUdpTransport implements DatagramTransport {
    private static final Logger LOG = LoggerFactory.getLogger(NettyUdpTransport.class);
    private static final AtomicBoolean LOGGED_KIND = new AtomicBoolean();
    /** Large enough for any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6): a datagram is never cut. */
    static final int MAX_DATAGRAM = 65536;
    // setsockopt levels and names of linux/in.h and linux/in6.h: Netty names no option for them
    private static final IntegerUnixChannelOption IP_MTU_DISCOVER = new IntegerUnixChannelOption("IP_MTU_DISCOVER", 0, 10);
    private static final IntegerUnixChannelOption IPV6_MTU_DISCOVER = new IntegerUnixChannelOption("IPV6_MTU_DISCOVER", 41, 23);
    /** IP_PMTUDISC_PROBE / IPV6_PMTUDISC_PROBE: DF set, the kernel's cached path MTU ignored (knet's choice). */
    private static final int PMTUDISC_PROBE = 3;

    private final UdpSocketOptions options;
    private final boolean epoll;
    private final MultiThreadIoEventLoopGroup group;
    private final EventLoop loop;
    private final EventLoopScheduler scheduler;
    private final List<NettyUdpEndpoint> endpoints = new ArrayList<>();
    private volatile boolean closed;

    private NettyUdpTransport(UdpSocketOptions options, boolean useEpoll, String threadName) {
        this.options = options;
        this.epoll = useEpoll;
        IoHandlerFactory io = useEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName, true), io);
        this.loop = group.next();
        this.scheduler = new EventLoopScheduler(loop);
    }

    /** A transport with its own event-loop thread, epoll if available. */
    public static NettyUdpTransport start(UdpSocketOptions options) {
        return start(options, Epoll.isAvailable(), "quorate-link");
    }

    /**
     * @param useEpoll false forces NIO (tests run both); true requires {@link Epoll#isAvailable()}
     */
    public static NettyUdpTransport start(UdpSocketOptions options, boolean useEpoll, String threadName) {
        if (useEpoll && !Epoll.isAvailable()) {
            throw new IllegalStateException("epoll transport unavailable: " + Epoll.unavailabilityCause());
        }
        NettyUdpTransport t = new NettyUdpTransport(options, useEpoll, threadName);
        if (LOGGED_KIND.compareAndSet(false, true)) {
            if (useEpoll) {
                LOG.info("link transport: UDP over epoll");
            } else {
                LOG.info("link transport: UDP over NIO ({})", Epoll.isAvailable() ? "chosen"
                        : "epoll unavailable: " + Epoll.unavailabilityCause());
            }
        }
        return t;
    }

    /** The event loop's scheduler: give it to the engine so its timers and these sockets share one thread. */
    public EventLoopScheduler scheduler() {
        return scheduler;
    }

    /** The event loop itself (for code that must run on it). */
    public EventLoop eventLoop() {
        return loop;
    }

    public boolean epoll() {
        return epoll;
    }

    public UdpSocketOptions options() {
        return options;
    }

    /**
     * Binds {@code local}. Callable from any thread; on the event loop itself (the engine's start) the bind
     * completes inline, since Netty binds synchronously when already on the channel's loop.
     */
    @Override
    public DatagramEndpoint open(InetSocketAddress local, DatagramReceiver receiver) throws IOException {
        if (closed) {
            throw new IOException("cannot bind " + format(local) + ": the transport is closed");
        }
        if (loop.inEventLoop()) {
            return bindHere(local, receiver);
        }
        try {
            return loop.submit(() -> bindHere(local, receiver)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot bind " + format(local) + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + format(local), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("binding " + format(local) + " took more than 10 s", e);
        }
    }

    private NettyUdpEndpoint bindHere(InetSocketAddress local, DatagramReceiver receiver) throws IOException {
        if (local.isUnresolved()) {
            throw new IOException("cannot bind " + local + ": the address is not resolved");
        }
        boolean v6 = local.getAddress() instanceof Inet6Address;
        SocketProtocolFamily family = v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Channel ch = epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
        ch.config().setOption(ChannelOption.SO_REUSEADDR, false);
        SocketBuffers.apply(ch, epoll, options);
        ch.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(options.writeLowWaterMark(), options.writeHighWaterMark()));
        ch.config().setOption(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
        if (epoll && options.dontFragment()) {
            ch.config().setOption(v6 ? IPV6_MTU_DISCOVER : IP_MTU_DISCOVER, PMTUDISC_PROBE);
        }
        NettyUdpEndpoint endpoint = new NettyUdpEndpoint(ch, receiver, this::forget);
        ch.pipeline().addLast(endpoint.inbound());
        Throwable registerFailure = loop.register(ch).cause();
        if (registerFailure != null) {
            ch.unsafe().closeForcibly();
            throw new IOException("cannot bind " + format(local) + ": " + registerFailure.getMessage(), registerFailure);
        }
        var bound = ch.bind(local);
        if (!bound.isDone()) {
            // never expected on the channel's own loop; refuse rather than block it
            ch.close();
            throw new IOException("cannot bind " + format(local) + ": the bind did not complete on the event loop");
        }
        if (!bound.isSuccess()) {
            ch.close();
            Throwable c = bound.cause();
            throw new IOException("cannot bind " + format(local) + ": " + c.getMessage(), c);
        }
        endpoints.add(endpoint);
        return endpoint;
    }

    private void forget(NettyUdpEndpoint endpoint) {
        if (loop.inEventLoop()) {
            endpoints.remove(endpoint);
        } else {
            loop.execute(() -> endpoints.remove(endpoint));
        }
    }

    /** Closes every endpoint, then stops the event loop (waiting at most 5 s). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Runnable closeAll = () -> List.copyOf(endpoints).forEach(NettyUdpEndpoint::close);
        if (loop.inEventLoop()) {
            closeAll.run();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            return;
        }
        try {
            loop.submit(closeAll).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the link sockets: {}", e.toString());
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** {@code 198.18.0.1:5405} or {@code [fd00::1]:5405}. */
    static String format(InetSocketAddress a) {
        if (a.isUnresolved()) {
            return a.getHostString() + ":" + a.getPort();
        }
        String host = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
