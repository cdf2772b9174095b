package org.quorate.qnetd.server;

import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.Socket;
import org.quorate.qnetd.config.QnetdSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

import static org.quorate.qnetd.config.QnetdSettingKeys.LISTEN_BACKLOG;

/**
 * The qnetd TCP socket, bound and listening but not yet served by an event loop.
 *
 * <p>Why a step of its own: the daemon binds it before the slow part of start-up (certificates, TLS
 * library, IPC socket). Nodes that reconnect while a restarted qnetd is still starting then sit in the
 * kernel's accept queue, or have their SYN dropped and retried a second later, instead of being refused:
 * a refused corosync-qdevice waits for its whole connect timeout (the heartbeat interval, 8 s by default)
 * before it tries again.
 */
public final class ListenSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenSocket.class);

    private final ServerChannel channel;
    private final boolean epoll;
    private final boolean mappedIpv4;
    private boolean handedOver;

    private ListenSocket(ServerChannel channel, boolean epoll, boolean mappedIpv4) {
        this.channel = channel;
        this.epoll = epoll;
        this.mappedIpv4 = mappedIpv4;
    }

    /**
     * Binds and listens as {@code -l}, {@code -p}, {@code -4}/{@code -6} and {@code listen_backlog} say.
     * Without {@code -l} and {@code -4} it is the dual-stack wildcard; where the host has no IPv6 (Docker's
     * default) it falls back to the IPv4 wildcard, as the C daemon (NSPR) does.
     */
    public static ListenSocket open(QnetdSettings settings) throws IOException {
        InetSocketAddress address = bindAddress(settings);
        try {
            return open(address, settings.get(LISTEN_BACKLOG));
        } catch (IOException e) {
            boolean dualStackWildcard = settings.listenAddress() == null && settings.ipVersion() == 0;
            if (!dualStackWildcard) {
                throw e;
            }
            LOG.info("Can't listen on IPv6 wildcard address ({}); listening on IPv4 only", e.getMessage());
            return open(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), settings.port()),
                    settings.get(LISTEN_BACKLOG));
        }
    }

    private static ListenSocket open(InetSocketAddress address, int backlog) throws IOException {
        boolean mapped = address.getAddress().getAddress().length == 16;
        if (Epoll.isAvailable()) {
            Socket socket = Socket.newSocketStream();
            try {
                socket.setReuseAddress(true);
                socket.bind(address);
                socket.listen(backlog);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
            // Wrapping a listening descriptor gives an active channel: registering it starts accepting.
            return new ListenSocket(new EpollServerSocketChannel(socket.intValue()), true, mapped);
        }
        ServerSocketChannel socket = ServerSocketChannel.open();
        try {
            socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            socket.bind(address, backlog);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return new ListenSocket(new NioServerSocketChannel(socket), false, mapped);
    }

    private static InetSocketAddress bindAddress(QnetdSettings settings) throws IOException {
        if (settings.listenAddress() != null) {
            for (InetAddress address : InetAddress.getAllByName(settings.listenAddress())) {
                if (settings.ipVersion() == 4 && address.getAddress().length != 4
                        || settings.ipVersion() == 6 && address.getAddress().length != 16) {
                    continue;
                }
                return new InetSocketAddress(address, settings.port());
            }
            throw new IOException("Can't resolve listen address " + settings.listenAddress() + " for IPv"
                    + settings.ipVersion());
        }
        String wildcard = settings.ipVersion() == 4 ? "0.0.0.0" : "::";
        return new InetSocketAddress(InetAddress.getByName(wildcard), settings.port());
    }

    /** The bound address; port 0 in the settings has become the port the kernel chose. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** True for the epoll transport, false for NIO; the event loops must be of the same kind. */
    boolean epoll() {
        return epoll;
    }

    /** True when bound to an IPv6 address, where IPv4 peers show as {@code ::ffff:a.b.c.d} (as in C). */
    boolean mappedIpv4() {
        return mappedIpv4;
    }

    /** Gives the channel to the server, which owns (and closes) it from then on. */
    ServerChannel handOver() {
        if (handedOver) {
            throw new IllegalStateException("the listening socket was handed over already");
        }
        handedOver = true;
        return channel;
    }

    /** Closes the socket unless the server owns it already (start-up failed after the bind). */
    @Override
    public void close() {
        if (!handedOver) {
            channel.unsafe().closeForcibly();
        }
    }
}
