package org.quorate.bench.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.quorate.protocol.codec.QnetDecodeException;
import org.quorate.protocol.message.QnetMessage;

/** Netty glue of one connection: hands decoded messages and connection events to its {@link SimulatedNode}. */
final class NodeChannelHandler extends ChannelInboundHandlerAdapter {
    private final Fleet fleet;
    private final SimulatedNode node;

    NodeChannelHandler(Fleet fleet, SimulatedNode node) {
        this.fleet = fleet;
        this.node = node;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        node.connected(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof QnetMessage message) {
            node.received(message);
        } else {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                node.tlsEstablished(ctx.pipeline().get(SslHandler.class));
            } else {
                node.fail("tls-handshake-" + done.cause().getClass().getSimpleName());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fleet.disconnected(node);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        node.fail(root instanceof QnetDecodeException decode ? "decode-" + decode.reason()
                : "io-" + root.getClass().getSimpleName());
    }
}
