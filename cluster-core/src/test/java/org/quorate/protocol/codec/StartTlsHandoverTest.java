package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quorate.protocol.codec.Frames.concat;
import static org.quorate.protocol.codec.Frames.frame;
import static org.quorate.protocol.codec.Frames.seq;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.Init;
import org.quorate.protocol.message.StartTls;

/**
 * STARTTLS: bytes that arrive behind the STARTTLS frame belong to the TLS handshake and must
 * reach the TLS handler that the server inserts in front of the decoder – none may be lost or
 * decoded as plaintext.
 */
class StartTlsHandoverTest {
    private static final byte[] STARTTLS = frame(2, seq(2));
    private static final byte[] CLIENT_HELLO = GoldenVectors.hex("16030100c4010000c00303aabbccddeeff");
    private static final byte[] ECHO = frame(8, seq(1));
    private static final byte[] INIT = frame(3, seq(3), Frames.tlv(9, "00000001"));

    /** Stands in for an SslHandler that consumes handshake bytes: records them, passes nothing on. */
    static final class RecordingTls extends ChannelInboundHandlerAdapter {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            received.writeBytes(ByteBufUtil.getBytes(buf));
            buf.release();
        }
    }

    /** Stands in for an SslHandler after the handshake: "decrypts" by passing bytes through. */
    static final class PassThroughTls extends ChannelInboundHandlerAdapter {
    }

    /** The server's message handler; {@code onMessage} runs inside channelRead. */
    static final class ServerHandler extends ChannelInboundHandlerAdapter {
        final List<Object> received = new ArrayList<>();
        private final BiConsumer<ServerHandler, Object> onMessage;
        QnetFrameDecoder decoder;

        ServerHandler(BiConsumer<ServerHandler, Object> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            decoder = ctx.pipeline().get(QnetFrameDecoder.class);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            received.add(msg);
            onMessage.accept(this, msg);
        }
    }

    private static EmbeddedChannel serverWith(ServerHandler handler) {
        return Channels.channel(QnetFrameDecoder.forServer(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE),
                QnetMessageEncoder.INSTANCE, handler);
    }

    private static BiConsumer<ServerHandler, Object> switchTo(ChannelHandler tls) {
        return (h, msg) -> {
            if (msg instanceof StartTls) {
                h.decoder.switchToTls(tls);
            }
        };
    }

    @Test
    void bytesBehindStartTlsInTheSameReadGoToTheTlsHandler() {
        RecordingTls tls = new RecordingTls();
        ServerHandler handler = new ServerHandler(switchTo(tls));
        EmbeddedChannel ch = serverWith(handler);

        Channels.feed(ch, concat(STARTTLS, CLIENT_HELLO));

        assertThat(handler.received).singleElement().isEqualTo(new StartTls(2L));
        assertThat(tls.received.toByteArray()).isEqualTo(CLIENT_HELLO);
        assertThat(ch.pipeline().names()).startsWith(ch.pipeline().context(tls).name(),
                ch.pipeline().context(QnetFrameDecoder.class).name());

        // Later reads go through the TLS handler first.
        Channels.feed(ch, ECHO);
        assertThat(tls.received.toByteArray()).isEqualTo(concat(CLIENT_HELLO, ECHO));
        assertThat(handler.received).hasSize(1);
        Channels.finish(ch);
    }

    @Test
    void whatTheTlsHandlerDecryptsIsDecodedAsQnetFrames() {
        ServerHandler handler = new ServerHandler(switchTo(new PassThroughTls()));
        EmbeddedChannel ch = serverWith(handler);

        Channels.feed(ch, concat(STARTTLS, INIT, ECHO));
        Channels.feed(ch, ECHO);

        assertThat(handler.received).hasSize(4);
        assertThat(handler.received.get(0)).isInstanceOf(StartTls.class);
        assertThat(handler.received.get(1)).isInstanceOf(Init.class);
        assertThat(handler.received.get(2)).isInstanceOf(EchoRequest.class);
        assertThat(handler.received.get(3)).isInstanceOf(EchoRequest.class);
        Channels.finish(ch);
    }

    @Test
    void aRejectedStartTlsResumesPlaintextDecoding() {
        ServerHandler handler = new ServerHandler((h, msg) -> {
            if (msg instanceof StartTls) {
                h.decoder.resumePlaintext(); // e.g. STARTTLS before PREINIT: SERVER_ERROR 6, stay plain
            }
        });
        EmbeddedChannel ch = serverWith(handler);

        Channels.feed(ch, concat(STARTTLS, ECHO, ECHO));

        assertThat(handler.received).hasSize(3);
        assertThat(handler.received.subList(1, 3)).allMatch(m -> m instanceof EchoRequest);
        Channels.finish(ch);
    }

    @Test
    void theDecoderPausesUntilADecisionMadeOutsideChannelRead() {
        ServerHandler handler = new ServerHandler((h, msg) -> { });
        EmbeddedChannel ch = serverWith(handler);

        Channels.feed(ch, concat(STARTTLS, CLIENT_HELLO));
        Channels.feed(ch, ECHO);
        assertThat(handler.received).singleElement().isInstanceOf(StartTls.class);

        RecordingTls tls = new RecordingTls();
        handler.decoder.switchToTls(tls);

        assertThat(tls.received.toByteArray()).isEqualTo(concat(CLIENT_HELLO, ECHO));
        assertThat(handler.received).hasSize(1);
        Channels.finish(ch);
    }

    @Test
    void aLateRejectionDecodesWhatWasBuffered() {
        ServerHandler handler = new ServerHandler((h, msg) -> { });
        EmbeddedChannel ch = serverWith(handler);
        Channels.feed(ch, concat(STARTTLS, ECHO));
        Channels.feed(ch, ECHO);

        handler.decoder.resumePlaintext();

        assertThat(handler.received).hasSize(3);
        Channels.finish(ch);
    }

    @Test
    void switchingWithoutAPendingStartTlsIsAnError() {
        ServerHandler handler = new ServerHandler((h, msg) -> { });
        EmbeddedChannel ch = serverWith(handler);
        assertThatThrownBy(() -> handler.decoder.switchToTls(new RecordingTls()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> handler.decoder.resumePlaintext()).isInstanceOf(IllegalStateException.class);
        Channels.finish(ch);
    }

    @Test
    void theClientDecoderDoesNotPauseOnStartTls() {
        EmbeddedChannel ch = Channels.client(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE);
        Channels.feed(ch, concat(STARTTLS, ECHO));
        assertThat(Channels.inbound(ch)).hasSize(2);
        Channels.finish(ch);
    }
}
