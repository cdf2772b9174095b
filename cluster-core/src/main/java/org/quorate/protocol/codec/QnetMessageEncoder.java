package org.quorate.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.quorate.protocol.message.QnetMessage;

/** Writes {@link QnetMessage}s as QNet frames (see {@link QnetCodec#encode(QnetMessage, ByteBuf)}). */
@Sharable
public final class QnetMessageEncoder extends MessageToByteEncoder<QnetMessage> {
    /** Stateless, so one instance can serve every channel. */
    public static final QnetMessageEncoder INSTANCE = new QnetMessageEncoder();

    public QnetMessageEncoder() {
        super(QnetMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, QnetMessage message, ByteBuf out) {
        QnetCodec.encode(message, out);
    }
}
