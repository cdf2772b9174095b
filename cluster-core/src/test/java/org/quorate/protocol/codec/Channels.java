package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * EmbeddedChannel helpers shared by the codec tests. Every channel allocates from a
 * {@link TrackingAllocator}, and {@link #finish(EmbeddedChannel)} proves nothing was left over
 * and every buffer was released.
 */
final class Channels {
    private static final Map<EmbeddedChannel, TrackingAllocator> ALLOCATORS = new WeakHashMap<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private Channels() {
    }

    static EmbeddedChannel server() {
        return channel(QnetFrameDecoder.forServer(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE), QnetMessageEncoder.INSTANCE);
    }

    static EmbeddedChannel client(int maxMessageSize) {
        return channel(QnetFrameDecoder.forClient(maxMessageSize), QnetMessageEncoder.INSTANCE);
    }

    static EmbeddedChannel channel(ChannelHandler... handlers) {
        EmbeddedChannel ch = new EmbeddedChannel(handlers);
        TrackingAllocator alloc = new TrackingAllocator();
        ch.config().setAllocator(alloc);
        ALLOCATORS.put(ch, alloc);
        return ch;
    }

    /** Writes {@code bytes} inbound as one buffer from the channel's allocator. */
    static void feed(EmbeddedChannel ch, byte[] bytes) {
        ByteBuf buf = ch.alloc().buffer(bytes.length);
        buf.writeBytes(bytes);
        ch.writeInbound(buf);
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
            }
            return ByteBufUtil.getBytes(all);
        } finally {
            all.release();
        }
    }

    /** Closes the channel, asserting no unread output and no unreleased buffer. */
    static void finish(EmbeddedChannel ch) {
        assertThat(ch.finish()).as("unread inbound/outbound messages").isFalse();
        TrackingAllocator alloc = ALLOCATORS.get(ch);
        assertThat(alloc.unreleased()).as("unreleased buffers").isEmpty();
    }

    /** How many buffers of the channel's allocator are still referenced. */
    static int unreleased(EmbeddedChannel ch) {
        return ALLOCATORS.get(ch).unreleased().size();
    }

    /** How many buffers the channel's allocator has handed out so far. */
    static int allocations(EmbeddedChannel ch) {
        return ALLOCATORS.get(ch).allocatedCount();
    }
}
