package org.quorate.qnetd.server;

import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.Socket;
import org.quorate.daemon.SystemdListenFds;
import org.quorate.qnetd.admin.ClientAddressFormat;
import org.quorate.qnetd.config.QnetdSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.quorate.qnetd.config.QnetdSettingKeys.LISTEN_BACKLOG;

/**
 * The qnetd TCP socket, bound and listening but not yet served by an event loop.
 *
 * <p>Why a step of its own: the daemon binds it before the slow part of start-up (certificates, TLS
 * library, IPC socket). Nodes that reconnect while a restarted qnetd is still starting then sit in the
 * kernel's accept queue, or have their SYN dropped and retried a second later, instead of being refused:
 * a refused corosync-qdevice waits for its whole connect timeout (the heartbeat interval, 8 s by default)
 * before it tries again.
 *
 * <p>Under systemd socket activation ({@code corosync-qnetd.socket}) the socket is systemd's: the daemon
 * takes fd 3 instead of binding, and the port stays open, queueing connections, while the service restarts.
 */
public final class ListenSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenSocket.class);

    private final ServerChannel channel;
    private final boolean epoll;
    private final boolean mappedIpv4;
    private final String description;
    private boolean handedOver;

    private ListenSocket(ServerChannel channel, boolean epoll, boolean mappedIpv4, String description) {
        this.channel = channel;
        this.epoll = epoll;
        this.mappedIpv4 = mappedIpv4;
        this.description = description;
    }

    /**
     * Takes the socket systemd passed (socket activation), or else binds and listens as {@code -l}, {@code -p},
     * {@code -4}/{@code -6} and {@code listen_backlog} say. Without {@code -l} and {@code -4} it is the
     * dual-stack wildcard {@code ::}; only where the kernel has no IPv6 at all does it fall back to the IPv4
     * wildcard, as the C daemon (NSPR) does.
     */
    public static ListenSocket open(QnetdSettings settings) throws IOException {
        return open(settings, SystemdListenFds.take());
    }

    /** As {@link #open(QnetdSettings)} with the sockets systemd passed (see {@link SystemdListenFds#take}). */
    public static ListenSocket open(QnetdSettings settings, Optional<SystemdListenFds.Passed> passed)
            throws IOException {
        if (passed.isPresent()) {
            return inherited(settings, passed.get());
        }
        return bind(settings);
    }

    /** Binds a new socket, ignoring any socket passed by systemd. */
    static ListenSocket bind(QnetdSettings settings) throws IOException {
        InetSocketAddress address = bindAddress(settings);
        boolean dualStackWildcard = settings.listenAddress() == null && settings.ipVersion() == 0;
        String description = settings.displayListenAddress();
        if (Epoll.isAvailable()) {
            boolean ipv6 = address.getAddress() instanceof Inet6Address;
            Socket socket;
            try {
                socket = NativeSockets.stream(ipv6);
            } catch (NativeSockets.FamilyUnavailableException e) {
                if (!ipv6 || !dualStackWildcard) {
                    throw new IOException(e.getMessage(), e);
                }
                LOG.info("No IPv6 in this kernel ({}); listening on IPv4 only", e.getMessage());
                address = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), settings.port());
                ipv6 = false;
                try {
                    socket = NativeSockets.stream(false);
                } catch (NativeSockets.FamilyUnavailableException noIpv4) {
                    throw new IOException(noIpv4.getMessage(), noIpv4);
                }
            }
            try {
                socket.setReuseAddress(true);
                socket.bind(address);
                socket.listen(settings.get(LISTEN_BACKLOG));
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
            // Wrapping a listening descriptor gives an active channel: registering it starts accepting.
            return new ListenSocket(new EpollServerSocketChannel(socket.intValue()), true, ipv6, description);
        }
        try {
            return nio(address, settings.get(LISTEN_BACKLOG), description);
        } catch (IOException e) {
            if (!dualStackWildcard) {
                throw e;
            }
            // The JDK opens AF_INET where it thinks the host has no IPv6 (no address in /proc/net/if_inet6).
            LOG.info("Can't listen on IPv6 wildcard address ({}); listening on IPv4 only", e.getMessage());
            return nio(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), settings.port()),
                    settings.get(LISTEN_BACKLOG), description);
        }
    }

    private static ListenSocket nio(InetSocketAddress address, int backlog, String description) throws IOException {
        boolean mapped = address.getAddress() instanceof Inet6Address;
        ServerSocketChannel socket = ServerSocketChannel.open();
        try {
            socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            socket.bind(address, backlog);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return new ListenSocket(new NioServerSocketChannel(socket), false, mapped, description);
    }

    /**
     * The listening socket systemd passed as fd 3. With the epoll transport it is wrapped as it is; the NIO
     * transport can only take it as the JDK's inherited channel (stdin), so it must be that very socket.
     */
    static ListenSocket inherited(QnetdSettings settings, SystemdListenFds.Passed passed) throws IOException {
        int fd = SystemdListenFds.FIRST_FD;
        if (passed.count() > 1) {
            LOG.warn("systemd passed {} sockets (LISTEN_FDNAMES={}); using fd {} only", passed.count(),
                    passed.names(), fd);
        }
        ListenSocket listen = Epoll.isAvailable() ? inheritedEpoll(fd, settings.get(LISTEN_BACKLOG)) : inheritedNio(fd);
        LOG.info("Taking the listening socket from systemd: fd {}, {}{}", fd, listen.description,
                listen.epoll ? ", listen backlog " + settings.get(LISTEN_BACKLOG) : "");
        warnAboutIgnoredOptions(settings, listen.localAddress(), listen.mappedIpv4).forEach(LOG::warn);
        return listen;
    }

    /**
     * {@code listen_backlog} applies to systemd's socket too (listen(2) again on a listening socket only changes
     * its backlog), so the option means what it means without socket activation, and the held socket keeps that
     * backlog while the service restarts. Measured on the restart benchmark (bench/results/README.md): with
     * systemd's default backlog (SOMAXCONN, 4096) every node of a restart queues at once, the server works through
     * connections whose nodes' connect timers have already run out, and a loaded machine needed several times as
     * long as with the C default of 10, where the kernel drops the surplus SYNs and the nodes resend them.
     */
    private static ListenSocket inheritedEpoll(int fd, int backlog) throws IOException {
        Socket socket = new Socket(fd);
        int type = socket.getIntOpt(NativeSockets.SOL_SOCKET, NativeSockets.SO_TYPE);
        int family = NativeSockets.family(socket);
        boolean listening = socket.getIntOpt(NativeSockets.SOL_SOCKET, NativeSockets.SO_ACCEPTCONN) == 1;
        if (type != NativeSockets.SOCK_STREAM || !listening
                || family != NativeSockets.AF_INET && family != NativeSockets.AF_INET6) {
            throw new SystemdSocketException("fd " + fd + " passed by systemd (LISTEN_FDS) is not a listening TCP socket "
                    + "(family " + family + ", type " + type + (listening ? ", listening" : ", not listening")
                    + "); corosync-qnetd.socket needs ListenStream=");
        }
        socket.listen(backlog);
        boolean ipv6 = family == NativeSockets.AF_INET6;
        return new ListenSocket(new EpollServerSocketChannel(fd), true, ipv6, describe(socket.localAddress(), ipv6));
    }

    private static ListenSocket inheritedNio(int fd) throws IOException {
        Channel stdin = System.inheritedChannel();
        String passed = socketIdentity(fd);
        if (!(stdin instanceof ServerSocketChannel server) || !passed.equals(socketIdentity(0))) {
            throw new SystemdSocketException("systemd passed the listening socket as fd " + fd + " (" + passed + "), but the "
                    + "epoll transport is unavailable (" + Epoll.unavailabilityCause() + ") and the NIO transport "
                    + "can only take it as standard input; set StandardInput=socket in corosync-qnetd.service or "
                    + "make the epoll native library loadable");
        }
        InetSocketAddress local = (InetSocketAddress) server.getLocalAddress();
        boolean ipv6 = local.getAddress() instanceof Inet6Address;
        return new ListenSocket(new NioServerSocketChannel(server), false, ipv6, describe(local, ipv6));
    }

    /** The kernel's name of the socket behind a descriptor, e.g. {@code socket:[4711]}. */
    private static String socketIdentity(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException e) {
            return "fd " + fd + " unreadable: " + e.getMessage();
        }
    }

    private static String describe(InetSocketAddress local, boolean ipv6) {
        String host = local.getAddress() instanceof Inet6Address v6
                ? "[" + ClientAddressFormat.compressIpv6(v6.getAddress()) + "]" : local.getAddress().getHostAddress();
        return host + ":" + local.getPort() + (ipv6 ? " (AF_INET6)" : " (AF_INET)");
    }

    /**
     * Under socket activation the unit's {@code ListenStream=} decides the address; {@code -l}, {@code -p},
     * {@code -4} and {@code -6} cannot change it. One warning per option that asks for something else.
     */
    static List<String> warnAboutIgnoredOptions(QnetdSettings settings, InetSocketAddress inherited, boolean ipv6) {
        List<String> warnings = new ArrayList<>();
        String taken = describe(inherited, ipv6);
        if (settings.port() != inherited.getPort()) {
            warnings.add("Listen port " + settings.port() + " (-p or the default) differs from the socket systemd "
                    + "passed, " + taken + "; serving the socket from systemd");
        }
        if (settings.ipVersion() == 4 && ipv6 || settings.ipVersion() == 6 && !ipv6) {
            warnings.add("-" + settings.ipVersion() + " differs from the socket systemd passed, " + taken
                    + "; serving the socket from systemd");
        }
        if (settings.listenAddress() != null) {
            boolean same;
            try {
                same = List.of(InetAddress.getAllByName(settings.listenAddress())).contains(inherited.getAddress());
            } catch (IOException e) {
                same = false;
            }
            if (!same) {
                warnings.add("-l " + settings.listenAddress() + " differs from the socket systemd passed, " + taken
                        + "; serving the socket from systemd");
            }
        }
        return warnings;
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

    /** How the log names it: the listen address as given, or the socket systemd passed. */
    String description() {
        return description;
    }

    /** True for an AF_INET6 socket, where IPv4 peers show as {@code ::ffff:a.b.c.d} (as in C). */
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

    /** The socket systemd passed can't be served; the message says why and what to change. */
    public static final class SystemdSocketException extends IOException {
        SystemdSocketException(String message) {
            super(message);
        }
    }
}
