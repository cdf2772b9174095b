package org.quorate.link.transport;

import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocketBuffersTest {
    @Test
    void aBufferAboveTheKernelsCapIsForcedWhenPrivileged() throws Exception {
        Assumptions.assumeTrue(Epoll.isAvailable(), "epoll unavailable");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "SO_RCVBUFFORCE needs root");
        long rmemMax = Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/core/rmem_max")).strip());
        int wanted = (int) Math.min(1 << 30, Math.max(UdpSocketOptions.DEFAULTS.receiveBufferBytes(), rmemMax * 2));
        EpollDatagramChannel ch = new EpollDatagramChannel(SocketProtocolFamily.INET);
        try {
            SocketBuffers.apply(ch, true, new UdpSocketOptions(wanted, wanted, 1 << 20, 1 << 19, true));
            // Linux reports the doubled size
            assertThat((long) ch.config().getOption(ChannelOption.SO_RCVBUF)).isGreaterThanOrEqualTo(2L * wanted);
            assertThat((long) ch.config().getOption(ChannelOption.SO_SNDBUF)).isGreaterThanOrEqualTo(2L * wanted);
        } finally {
            ch.unsafe().closeForcibly();
        }
    }
}
