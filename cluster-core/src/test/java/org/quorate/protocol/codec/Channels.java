package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;

/** EmbeddedChannel helpers shared by the codec tests. */
final class Channels {
    static {
        // Every buffer is tracked; a leak shows up in the test log with its access records.
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private Channels() {
    }

    static EmbeddedChannel server() {
        return new EmbeddedChannel(QnetFrameDecoder.forServer(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE),
                QnetMessageEncoder.INSTANCE);
    }

    static EmbeddedChannel client(int maxMessageSize) {
        return new EmbeddedChannel(QnetFrameDecoder.forClient(maxMessageSize), QnetMessageEncoder.INSTANCE);
    }

    /** Writes {@code bytes} inbound as one buffer and checks the decoder released it. */
    static void feed(EmbeddedChannel ch, byte[] bytes) {
        ByteBuf buf = Unpooled.copiedBuffer(bytes);
        ch.writeInbound(buf);
        assertThat(buf.refCnt()).as("input buffer released or owned by the decoder").isLessThanOrEqualTo(1);
    }

    /** Everything the channel emitted inbound so far. */
    static List<Object> inbound(EmbeddedChannel ch) {
        List<Object> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add(o);
        }
        return out;
    }

    /** Everything written outbound so far, concatenated; every buffer is released. */
    static byte[] outbound(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        try {
            for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
                all.writeBytes(b);
                b.release();
                assertThat(b.refCnt()).isZero();
            }
            return ByteBufUtil.getBytes(all);
        } finally {
            all.release();
        }
    }
}
