package org.quorate.link.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Socket buffer sizes as knet sets them (libknet/transport_common.c {@code _configure_sockbuf}): ask with
 * SO_RCVBUF/SO_SNDBUF; when the kernel caps the value (net.core.rmem_max/wmem_max) and the process may,
 * insist with SO_RCVBUFFORCE/SO_SNDBUFFORCE (root or CAP_NET_ADMIN, epoll only); otherwise go on with the
 * capped size and say so once.
 */
final class SocketBuffers {
    private static final Logger LOG = LoggerFactory.getLogger(SocketBuffers.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    // asm-generic/socket.h: SOL_SOCKET 1, SO_SNDBUFFORCE 32, SO_RCVBUFFORCE 33
    private static final IntegerUnixChannelOption SO_SNDBUFFORCE = new IntegerUnixChannelOption("SO_SNDBUFFORCE", 1, 32);
    private static final IntegerUnixChannelOption SO_RCVBUFFORCE = new IntegerUnixChannelOption("SO_RCVBUFFORCE", 1, 33);

    private SocketBuffers() {
    }

    static void apply(Channel ch, boolean epoll, UdpSocketOptions o) {
        set(ch, epoll, ChannelOption.SO_RCVBUF, SO_RCVBUFFORCE, o.receiveBufferBytes(), "net.core.rmem_max");
        set(ch, epoll, ChannelOption.SO_SNDBUF, SO_SNDBUFFORCE, o.sendBufferBytes(), "net.core.wmem_max");
    }

    private static void set(Channel ch, boolean epoll, ChannelOption<Integer> option, IntegerUnixChannelOption force,
                            int wanted, String sysctl) {
        ch.config().setOption(option, wanted);
        // getsockopt(2) on Linux reports twice what was granted (the doubling covers the kernel's bookkeeping);
        // the JDK's NIO channel reports what it was given
        Integer reported = ch.config().getOption(option);
        long granted = reported == null ? wanted : epoll ? reported / 2 : reported;
        if (granted >= wanted) {
            return;
        }
        if (epoll) {
            try {
                ch.config().setOption(force, wanted);
                return;
            } catch (ChannelException e) {
                // not privileged: fall through to the capped size
            }
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("link socket {} capped at {} bytes, not {} ({}); continuing, bursts may be dropped",
                    option.name(), granted, wanted, sysctl);
        }
    }
}
