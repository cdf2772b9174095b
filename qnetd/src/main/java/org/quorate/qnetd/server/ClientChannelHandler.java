package org.quorate.qnetd.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.codec.QnetFrameDecoder;
import org.quorate.protocol.codec.SkippedFrame;
import org.quorate.protocol.codec.UndecodableMessage;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.StartTls;
import org.quorate.qnetd.admin.ClientAddressFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_SEND_BUFFERS;
import static org.quorate.qnetd.config.QnetdSettingKeys.MAX_CLIENT_SEND_SIZE;

/**
 * The Netty end of one client connection: hands decoded frames to its {@link ClientSession} and
 * implements {@link ClientConnection} for it. Runs on the server's single event loop, which is also
 * the logic thread, so sessions and clusters need no locks.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter implements ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientChannelHandler.class);

    private final QnetdTransport transport;
    private final QnetFrameDecoder decoder;
    private Channel channel;
    private ClientSession session;
    private SslHandler ssl;
    private String remoteAddress = "?";
    private int queuedWrites;
    private TlsFailureReason tlsFailure;
    private HandshakeGate.Ticket tlsTurn;

    ClientChannelHandler(QnetdTransport transport, QnetFrameDecoder decoder) {
        this.transport = transport;
        this.decoder = decoder;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        remoteAddress = ClientAddressFormat.format((InetSocketAddress) channel.remoteAddress(), transport.showsMappedIpv4());
        if (transport.refuseNewClient()) {
            LOG.warn("Maximum number of clients reached. Disconnecting client {}", remoteAddress);
            channel.close();
            return;
        }
        session = transport.context().newSession(this);
        session.opened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null) {
            return;
        }
        if (msg instanceof SkippedFrame skipped) {
            session.frameSkipped(skipped.serverErrorCode(), skipped.typeCode(), skipped.declaredLength());
        } else if (msg instanceof UndecodableMessage bad) {
            session.frameReceived();
            session.decodeFailed(bad.seq(), bad.error().getMessage());
        } else if (msg instanceof QnetMessage message) {
            session.frameReceived();
            NextBytes next = session.received(message);
            if (next == NextBytes.TLS_HANDSHAKE) {
                startTls();
            } else if (message instanceof StartTls && channel.isActive()) {
                decoder.resumePlaintext();
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent && tlsTurn != null) {
            tlsTurn.release();
        }
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            tlsFailed(done.cause());
            ctx.close();
        } else if (evt instanceof SslHandshakeCompletionEvent) {
            LOG.debug("TLS handshake with client {} done: {}", remoteAddress, ssl.engine().getSession().getProtocol());
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (tlsTurn != null) {
            tlsTurn.release();
        }
        if (session != null) {
            session.closed(transport.goingDown());
            LOG.debug("Client {} disconnected", remoteAddress);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ssl != null && TlsFailureReason.isTls(cause)) {
            tlsFailed(cause);
        } else {
            LOG.warn("Connection to client {} failed: {}", remoteAddress, rootMessage(cause));
        }
        ctx.close();
    }

    /**
     * Counts and logs a TLS failure once per connection: a failed handshake is reported by its completion event
     * and then again as the exception that ended it.
     */
    private void tlsFailed(Throwable cause) {
        if (tlsFailure != null) {
            LOG.debug("Client {}: after TLS failure {}: {}", remoteAddress, tlsFailure.label(), rootMessage(cause));
            return;
        }
        tlsFailure = TlsFailureReason.classify(cause);
        String detail = TlsFailureReason.detail(tlsFailure, cause);
        LOG.warn("TLS with client {} failed: {}{}. Disconnecting client", remoteAddress, tlsFailure.description(),
                detail == null ? "" : " (" + detail + ")");
        transport.context().events().tlsFailure(tlsFailure);
    }

    // ---- ClientConnection ----

    @Override
    public void send(QnetMessage message) {
        if (!channel.isActive()) {
            return;
        }
        ByteBuf frame = QnetCodec.encode(message, channel.alloc());
        if (frame.readableBytes() > transport.settings().get(MAX_CLIENT_SEND_SIZE)) {
            frame.release();
            close("reply larger than max_client_send_size");
            return;
        }
        if (queuedWrites >= transport.settings().get(MAX_CLIENT_SEND_BUFFERS)) {
            frame.release();
            LOG.warn("Client {} doesn't read its replies (send queue full). Disconnecting client", remoteAddress);
            close("send queue full");
            return;
        }
        queuedWrites++;
        channel.writeAndFlush(frame).addListener((ChannelFutureListener) f -> queuedWrites--);
    }

    /** The session accepted STARTTLS: the next bytes are the ClientHello, once the gate gives this connection its turn. */
    private void startTls() {
        // Until its turn the connection is not read: the ClientHello waits in the socket, and the bytes
        // that came with the STARTTLS frame wait in the paused decoder.
        channel.config().setAutoRead(false);
        tlsTurn = transport.context().handshakes().enter(this::beginTls);
    }

    /** Called by the gate, at once or when an earlier handshake ended; never for a closed connection. */
    private void beginTls() {
        ssl = transport.newSslHandler(channel.alloc());
        decoder.switchToTls(ssl);
        channel.config().setAutoRead(true);
    }

    @Override
    public X509Certificate peerCertificate() {
        if (ssl == null) {
            return null;
        }
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    @Override
    public void close(String reason) {
        LOG.debug("Closing client {}: {}", remoteAddress, reason);
        channel.close();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
