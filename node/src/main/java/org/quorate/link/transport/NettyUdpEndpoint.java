package org.quorate.link.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One bound UDP socket. Received datagrams are copied into one reused array (the receiver may keep them only
 * for the call, {@link DatagramReceiver#received}) and the Netty buffer is released at once. Sends made on
 * the event loop are written and flushed once at the end of the loop's current task, so a burst (a message
 * in fragments, a ping to every host) leaves in one sendmmsg(2) with epoll.
 */
final class NettyUdpEndpoint implements DatagramEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(NettyUdpEndpoint.class);
    /** Destinations with refused sends awaiting their report; beyond it refusals are still counted, per destination. */
    private static final int MAX_PENDING_REFUSAL_DESTINATIONS = 1024;

    private final Channel channel;
    private final DatagramReceiver receiver;
    private final Consumer<NettyUdpEndpoint> onClose;
    private final byte[] scratch = new byte[NettyUdpTransport.MAX_DATAGRAM];
    private final Map<InetSocketAddress, int[]> pendingRefusals = new LinkedHashMap<>();
    private final Runnable flushTask = this::flushNow;
    private boolean flushScheduled;
    private boolean refusalReportScheduled;

    NettyUdpEndpoint(Channel channel, DatagramReceiver receiver, Consumer<NettyUdpEndpoint> onClose) {
        this.channel = channel;
        this.receiver = receiver;
        this.onClose = onClose;
    }

    ChannelInboundHandlerAdapter inbound() {
        return new Inbound();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void send(InetSocketAddress destination, byte[] data, int offset, int length) {
        if (!channel.isActive()) {
            reportLater(destination, SendFailure.OTHER, "the socket " + where() + " is closed");
            return;
        }
        if (!channel.isWritable()) {
            refuse(destination);
            return;
        }
        ByteBuf buf = channel.alloc().ioBuffer(length).writeBytes(data, offset, length);
        DatagramPacket packet = new DatagramPacket(buf, destination);
        if (channel.eventLoop().inEventLoop()) {
            channel.write(packet).addListener(new Reporter(destination));
            if (!flushScheduled) {
                flushScheduled = true;
                channel.eventLoop().execute(flushTask);
            }
        } else {
            channel.writeAndFlush(packet).addListener(new Reporter(destination));
        }
    }

    private void flushNow() {
        flushScheduled = false;
        channel.flush();
    }

    /**
     * The channel's queue is above its high water mark: the datagram is dropped here, before any copy, and
     * reported as NO_BUFFER_SPACE after the current task (the seam's contract: failures come later).
     */
    private void refuse(InetSocketAddress destination) {
        int[] count = pendingRefusals.get(destination);
        if (count == null) {
            if (pendingRefusals.size() >= MAX_PENDING_REFUSAL_DESTINATIONS) {
                return;
            }
            count = new int[1];
            pendingRefusals.put(destination, count);
        }
        count[0]++;
        if (!refusalReportScheduled) {
            refusalReportScheduled = true;
            channel.eventLoop().execute(this::reportRefusals);
        }
    }

    private void reportRefusals() {
        refusalReportScheduled = false;
        var batch = new LinkedHashMap<>(pendingRefusals);
        pendingRefusals.clear();
        batch.forEach((destination, count) -> {
            for (int i = 0; i < count[0]; i++) {
                receiver.sendFailed(destination, SendFailure.NO_BUFFER_SPACE,
                        "the write queue of " + where() + " is above its high water mark");
            }
        });
    }

    private void reportLater(InetSocketAddress destination, SendFailure failure, String detail) {
        channel.eventLoop().execute(() -> receiver.sendFailed(destination, failure, detail));
    }

    private String where() {
        InetSocketAddress a = (InetSocketAddress) channel.localAddress();
        return a == null ? "(unbound)" : NettyUdpTransport.format(a);
    }

    @Override
    public void close() {
        if (channel.isOpen()) {
            channel.close();
        }
        onClose.accept(this);
    }

    /** Classifies a failed write; listeners run on the event loop, so this is already "later". */
    private final class Reporter implements ChannelFutureListener {
        private final InetSocketAddress destination;

        Reporter(InetSocketAddress destination) {
            this.destination = destination;
        }

        @Override
        public void operationComplete(ChannelFuture future) {
            if (!future.isSuccess()) {
                Throwable cause = future.cause();
                String detail = cause instanceof java.nio.channels.ClosedChannelException
                        ? "the socket " + where() + " is closed"
                        : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
                receiver.sendFailed(destination, SendFailures.classify(cause), detail);
            }
        }
    }

    private final class Inbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof DatagramPacket packet)) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            int length;
            try {
                ByteBuf content = packet.content();
                length = content.readableBytes();
                content.getBytes(content.readerIndex(), scratch, 0, length);
            } finally {
                packet.release();
            }
            receiver.received(packet.sender(), scratch, length);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a receive error on an unconnected UDP socket concerns one datagram: the socket stays open;
            // anything else thrown here is the receiver's own failure, which must not pass unseen
            if (cause instanceof java.io.IOException) {
                LOG.debug("receive on {}: {}", where(), cause.toString());
            } else {
                LOG.warn("the receiver of {} failed on a datagram", where(), cause);
            }
        }
    }
}
