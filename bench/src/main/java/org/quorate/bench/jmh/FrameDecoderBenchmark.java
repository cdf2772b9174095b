package org.quorate.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.codec.QnetFrameDecoder;
import org.quorate.protocol.message.Messages;

/**
 * Throughput of the server's frame decoder on a stream of what a qnetd mostly receives: ECHO_REQUEST
 * heartbeats with a NODE_LIST now and then. {@code chunk} is how many bytes each read delivers: a
 * whole batch of frames at once, or small reads that split frames, as TLS records and slow links do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameDecoderBenchmark {
    /** Frames in one batch: 15 heartbeats and one membership list. */
    static final int FRAMES = 16;

    @Param({"4096", "7"})
    int chunk;

    private EmbeddedChannel channel;
    private byte[] stream;
    private Blackhole sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        ByteBuf all = Unpooled.buffer();
        for (int i = 0; i < FRAMES - 1; i++) {
            QnetCodec.encode(Messages.echoRequest(i + 1), all);
        }
        QnetCodec.encode(Messages.nodeList(99, NodeListType.MEMBERSHIP, new RingId(1, 9), null, null,
                List.of(NodeInfo.of(1, NodeState.MEMBER), NodeInfo.of(2, NodeState.MEMBER)), null), all);
        stream = new byte[all.readableBytes()];
        all.readBytes(stream);
        all.release();
        channel = new EmbeddedChannel(QnetFrameDecoder.forServer(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        sink.consume(msg);
                        ReferenceCountUtil.release(msg);
                    }
                });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /** One batch of {@value #FRAMES} frames; the score is frames per microsecond. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decodeBatch() {
        for (int offset = 0; offset < stream.length; offset += chunk) {
            int length = Math.min(chunk, stream.length - offset);
            channel.writeInbound(Unpooled.wrappedBuffer(stream, offset, length));
        }
    }
}
