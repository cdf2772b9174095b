package org.quorate.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.StartTls;

/**
 * The QNet stream reader of spec §1.6 as a Netty decoder. It emits, in stream order:
 * <ul>
 *   <li>{@link QnetMessage} for every complete, decodable frame;</li>
 *   <li>{@link SkippedFrame} after discarding the body of a frame with an unknown type or one larger
 *       than {@link #maxMessageSize()} (report policy) – the body is dropped as it arrives, never
 *       buffered;</li>
 *   <li>{@link UndecodableMessage} for a complete frame whose body failed decoding (report policy).</li>
 * </ul>
 * With the {@link BadInputPolicy#FAIL_CONNECTION fail} policy (the client) those two cases throw
 * {@link QnetDecodeException} instead and the decoder then discards everything that follows.
 *
 * <p><b>STARTTLS.</b> With {@link #forServer(int)}, after emitting a {@link StartTls} the decoder
 * pauses: it decodes nothing more until the handler either calls {@link #switchToTls(ChannelHandler)}
 * (insert the TLS handler in front of this decoder; bytes that arrived behind the STARTTLS frame are
 * handed to it, because they are the client's TLS handshake) or {@link #resumePlaintext()} (the
 * STARTTLS was rejected, e.g. before PREINIT). Both may be called from inside the handler's
 * {@code channelRead} or later, on the channel's event loop.
 */
public final class QnetFrameDecoder extends ByteToMessageDecoder {

    /** What to do with frames that cannot be delivered as messages. */
    public enum BadInputPolicy {
        /** Server: emit {@link SkippedFrame} / {@link UndecodableMessage} and keep reading. */
        REPORT_AND_CONTINUE,
        /** Client: throw {@link QnetDecodeException}; the connection is to be dropped. */
        FAIL_CONNECTION
    }

    /**
     * AWAIT_TLS_DECISION: paused after STARTTLS. TLS_HANDOVER: the TLS handler is in place but the
     * buffered bytes have not been handed to it yet; in both states nothing may be decoded here.
     */
    private enum State { READ_HEADER, READ_BODY, SKIP_BODY, AWAIT_TLS_DECISION, TLS_HANDOVER, FAILED }

    private final BadInputPolicy policy;
    private final boolean pauseAfterStartTls;
    private int maxMessageSize;

    private State state = State.READ_HEADER;
    private MessageType frameType;
    private int frameTypeCode;
    private long frameLength;
    private long skipRemaining;
    private SkipReason skipReason;

    private ChannelHandlerContext ctx;
    private boolean inChannelRead;
    private ChannelHandler tlsHandlerAwaitingBytes;

    public QnetFrameDecoder(int maxMessageSize, BadInputPolicy policy, boolean pauseAfterStartTls) {
        setMaxMessageSize(maxMessageSize);
        this.policy = policy;
        this.pauseAfterStartTls = pauseAfterStartTls;
    }

    /** qnetd: report bad frames, keep the connection, pause after STARTTLS. */
    public static QnetFrameDecoder forServer(int maxMessageSize) {
        return new QnetFrameDecoder(maxMessageSize, BadInputPolicy.REPORT_AND_CONTINUE, true);
    }

    /** qdevice: any bad frame is fatal; the limit is raised after INIT_REPLY. */
    public static QnetFrameDecoder forClient(int maxMessageSize) {
        return new QnetFrameDecoder(maxMessageSize, BadInputPolicy.FAIL_CONNECTION, false);
    }

    /** The largest accepted frame, header included. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** Changes the limit; it applies from the next frame header on. */
    public void setMaxMessageSize(int maxMessageSize) {
        if (maxMessageSize < QnetCodec.HEADER_LENGTH) {
            throw new IllegalArgumentException("maximum message size must be at least "
                    + QnetCodec.HEADER_LENGTH + ", got " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.handlerAdded(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case READ_HEADER -> readHeader(in, out);
            case READ_BODY -> readBody(in, out);
            case SKIP_BODY -> skipBody(in, out);
            case AWAIT_TLS_DECISION, TLS_HANDOVER -> { } // leave the bytes alone: they may be TLS
            case FAILED -> in.skipBytes(in.readableBytes());
        }
    }

    private void readHeader(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < QnetCodec.HEADER_LENGTH) {
            return;
        }
        frameTypeCode = in.readUnsignedShort();
        frameLength = in.readUnsignedInt();
        frameType = MessageType.fromCode(frameTypeCode);
        if (frameType == null) {
            startSkipping(SkipReason.UNSUPPORTED_MESSAGE, out);
        } else if (QnetCodec.HEADER_LENGTH + frameLength > maxMessageSize) {
            startSkipping(SkipReason.MESSAGE_TOO_LONG, out);
        } else {
            transition(State.READ_BODY);
            // An empty body is complete now: the caller's loop stops when no bytes are left.
            if (frameLength == 0) {
                readBody(in, out);
            }
        }
    }

    private void readBody(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < frameLength) {
            return;
        }
        ByteBuf body = in.readSlice((int) frameLength);
        transition(State.READ_HEADER);
        try {
            QnetMessage message = QnetCodec.decodeBody(frameType, body);
            out.add(message);
            if (message instanceof StartTls && pauseAfterStartTls) {
                transition(State.AWAIT_TLS_DECISION);
            }
        } catch (QnetDecodeException e) {
            reportOrFail(new UndecodableMessage(frameType, e), e, out);
        }
    }

    private void startSkipping(SkipReason reason, List<Object> out) {
        skipReason = reason;
        skipRemaining = frameLength;
        if (policy == BadInputPolicy.FAIL_CONNECTION) {
            QnetDecodeException.Reason why = reason == SkipReason.UNSUPPORTED_MESSAGE
                    ? QnetDecodeException.Reason.UNSUPPORTED_MESSAGE_TYPE
                    : QnetDecodeException.Reason.MESSAGE_TOO_LONG;
            fail(new QnetDecodeException(why, null, null, "type " + frameTypeCode + ", length "
                    + frameLength + ", limit " + maxMessageSize));
        }
        transition(State.SKIP_BODY);
        if (skipRemaining == 0) {
            finishSkipping(out);
        }
    }

    private void skipBody(ByteBuf in, List<Object> out) {
        int n = (int) Math.min(skipRemaining, in.readableBytes());
        in.skipBytes(n);
        skipRemaining -= n;
        if (skipRemaining == 0) {
            finishSkipping(out);
        }
    }

    private void finishSkipping(List<Object> out) {
        transition(State.READ_HEADER);
        out.add(new SkippedFrame(frameTypeCode, frameLength, skipReason));
    }

    private void reportOrFail(Object event, QnetDecodeException e, List<Object> out) {
        if (policy == BadInputPolicy.FAIL_CONNECTION) {
            fail(e);
        }
        out.add(event);
    }

    private void fail(QnetDecodeException e) {
        transition(State.FAILED);
        throw e;
    }

    private void transition(State next) {
        state = next;
    }

    /**
     * Hands the stream over to TLS after a STARTTLS: inserts {@code tlsHandler} (normally an
     * SslHandler) directly in front of this decoder, and passes it the bytes that were already
     * received behind the STARTTLS frame. Must run on the channel's event loop.
     */
    public void switchToTls(ChannelHandler tlsHandler) {
        requirePausedForTls();
        if (!(tlsHandler instanceof ChannelInboundHandler)) {
            throw new IllegalArgumentException("the TLS handler must handle inbound bytes");
        }
        ctx.pipeline().addBefore(ctx.name(), null, tlsHandler);
        transition(State.TLS_HANDOVER);
        tlsHandlerAwaitingBytes = tlsHandler;
        if (!inChannelRead) {
            forwardLeftoverToTls();
        }
    }

    /** Continues plaintext decoding after a STARTTLS the server rejected. */
    public void resumePlaintext() {
        requirePausedForTls();
        transition(State.READ_HEADER);
        if (!inChannelRead && internalBuffer().isReadable()) {
            // Decode what is already buffered; an empty read re-runs the decode loop.
            try {
                channelRead(ctx, Unpooled.EMPTY_BUFFER);
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
        }
    }

    private void requirePausedForTls() {
        if (state != State.AWAIT_TLS_DECISION) {
            throw new IllegalStateException("not paused after a STARTTLS (state " + state + ")");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        inChannelRead = true;
        try {
            super.channelRead(ctx, msg);
        } finally {
            inChannelRead = false;
        }
        // Only now, with the decode loop finished, may the leftover bytes go to the TLS handler:
        // what it decrypts comes straight back into this decoder.
        if (tlsHandlerAwaitingBytes != null) {
            forwardLeftoverToTls();
        }
    }

    private void forwardLeftoverToTls() {
        ChannelHandler tls = tlsHandlerAwaitingBytes;
        tlsHandlerAwaitingBytes = null;
        // From here on every byte reaching this decoder has been through the TLS handler.
        transition(State.READ_HEADER);
        ByteBuf cumulation = internalBuffer();
        if (!cumulation.isReadable()) {
            return;
        }
        ByteBuf leftover = cumulation.readBytes(cumulation.readableBytes());
        ChannelHandlerContext tlsCtx = ctx.pipeline().context(tls);
        try {
            ((ChannelInboundHandler) tls).channelRead(tlsCtx, leftover);
        } catch (Exception e) {
            tlsCtx.fireExceptionCaught(e);
        }
    }
}
