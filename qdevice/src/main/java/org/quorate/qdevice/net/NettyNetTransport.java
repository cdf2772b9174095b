package org.quorate.qdevice.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.codec.QnetDecodeException;
import org.quorate.protocol.codec.QnetFrameDecoder;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.qdevice.backend.NetSettings;

import javax.net.ssl.SSLException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The qnetd connection over Netty, on the daemon's single event loop: resolves the host and tries
 * its addresses in order (honouring {@code force_ip_version}), frames with the QNet codec, and after
 * STARTTLS has left the socket puts the client TLS handler in front of the decoder.
 */
public final class NettyNetTransport implements NetTransport {
    private final EventLoop loop;
    private final SslContext sslContext;
    private final int initialReceiveSize;
    private final Events events;
    private final QnetFrameDecoder decoder;
    private Channel channel;
    private SslHandler ssl;
    private boolean closed;

    private NettyNetTransport(EventLoop loop, SslContext sslContext, int initialReceiveSize, Events events) {
        this.loop = loop;
        this.sslContext = sslContext;
        this.initialReceiveSize = initialReceiveSize;
        this.events = events;
        this.decoder = QnetFrameDecoder.forClient(initialReceiveSize);
    }

    /** A factory bound to {@code loop}; {@code sslContext} may be null when TLS is off. */
    public static Factory factory(EventLoop loop, SslContext sslContext, int initialReceiveSize) {
        return (settings, events) -> {
            NettyNetTransport t = new NettyNetTransport(loop, sslContext, initialReceiveSize, events);
            t.start(settings);
            return t;
        };
    }

    private void start(NetSettings settings) {
        List<InetAddress> addresses;
        try {
            addresses = resolve(settings.host(), settings.forceIpVersion());
        } catch (UnknownHostException e) {
            loop.execute(() -> events.connectFailed("can't resolve " + settings.host() + ": " + e.getMessage()));
            return;
        }
        tryNext(addresses.iterator(), settings.port(), settings.connectTimeoutMs(), "no address of the requested IP version");
    }

    static List<InetAddress> resolve(String host, int forceIpVersion) throws UnknownHostException {
        List<InetAddress> result = new ArrayList<>();
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (forceIpVersion == 4 && !(a instanceof Inet4Address) || forceIpVersion == 6 && !(a instanceof Inet6Address)) {
                continue;
            }
            result.add(a);
        }
        return result;
    }

    private void tryNext(Iterator<InetAddress> addresses, int port, long timeoutMs, String lastError) {
        if (closed) {
            return;
        }
        if (!addresses.hasNext()) {
            events.connectFailed(lastError);
            return;
        }
        InetSocketAddress target = new InetSocketAddress(addresses.next(), port);
        ChannelFuture f = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("qnet-decoder", decoder);
                        ch.pipeline().addLast("qnet-client", new Handler());
                    }
                })
                .connect(target);
        f.addListener((ChannelFutureListener) done -> {
            if (closed) {
                done.channel().close();
            } else if (done.isSuccess()) {
                channel = done.channel();
                events.connected();
            } else {
                tryNext(addresses, port, timeoutMs, target + ": " + done.cause().getMessage());
            }
        });
    }

    @Override
    public void send(QnetMessage message) {
        if (channel == null || !channel.isActive()) {
            return;
        }
        channel.writeAndFlush(QnetCodec.encode(message, channel.alloc())).addListener(this::writeDone);
    }

    @Override
    public void sendStartTls(QnetMessage startTls) {
        ByteBuf frame = QnetCodec.encode(startTls, channel.alloc());
        channel.writeAndFlush(frame).addListener((ChannelFutureListener) f -> {
            if (closed) {
                return; // the client dropped this connection while STARTTLS was being written
            }
            if (!f.isSuccess()) {
                writeDone(f);
                return;
            }
            // Nothing may go out in plaintext after STARTTLS; INIT is queued behind the handshake.
            ssl = sslContext.newHandler(channel.alloc());
            channel.pipeline().addFirst("tls", ssl);
            events.startTlsSent();
        });
    }

    private void writeDone(io.netty.util.concurrent.Future<? super Void> f) {
        if (!f.isSuccess() && !closed) {
            events.closed(DisconnectReason.CANT_SEND_MESSAGE, f.cause().getMessage());
        }
    }

    @Override
    public void setMaxReceiveSize(int bytes) {
        decoder.setMaxMessageSize(Math.max(bytes, QnetCodec.HEADER_LENGTH));
    }

    @Override
    public boolean tlsActive() {
        return ssl != null && ssl.handshakeFuture().isSuccess();
    }

    @Override
    public boolean clientCertificateSent() {
        return tlsActive() && ssl.engine().getSession().getLocalCertificates() != null;
    }

    @Override
    public void close() {
        closed = true;
        if (channel != null) {
            channel.close();
        }
    }

    int initialReceiveSize() {
        return initialReceiveSize;
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!closed && msg instanceof QnetMessage m) {
                events.received(m);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!closed) {
                events.closed(DisconnectReason.SERVER_CLOSED_CONNECTION, "qnetd closed the connection");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (closed) {
                return;
            }
            if (cause instanceof QnetDecodeException e) {
                DisconnectReason reason = switch (e.reason()) {
                    case UNSUPPORTED_MESSAGE_TYPE -> DisconnectReason.UNSUPPORTED_MSG;
                    case MESSAGE_TOO_LONG -> DisconnectReason.CANT_READ_MESSAGE;
                    default -> DisconnectReason.MSG_DECODE_ERROR;
                };
                events.badInput(reason, e.getMessage());
            } else {
                Throwable root = cause;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                String why = (cause instanceof SSLException || root instanceof SSLException ? "TLS: " : "")
                        + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
                events.closed(DisconnectReason.CANT_READ_MESSAGE, why);
            }
            ctx.close();
        }
    }
}
