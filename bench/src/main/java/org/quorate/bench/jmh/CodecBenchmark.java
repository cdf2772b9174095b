package org.quorate.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.Vote;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.NodeList;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.VoteInfo;

/**
 * Encode and decode of the two messages a busy qnetd handles most after heartbeats: NODE_LIST (client to
 * server, on every membership change) and VOTE_INFO (server to client). {@code nodes} is the cluster
 * size; corosync allows up to a few dozen nodes, 2 is the common case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    @Param({"2", "32"})
    int nodes;

    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private NodeList nodeList;
    private VoteInfo voteInfo;
    private ByteBuf nodeListBody;
    private ByteBuf voteInfoBody;
    private ByteBuf out;

    @Setup(Level.Trial)
    public void setUp() {
        List<NodeInfo> members = LongStream.rangeClosed(1, nodes).mapToObj(id -> NodeInfo.of(id, NodeState.MEMBER))
                .toList();
        nodeList = Messages.nodeList(42, NodeListType.MEMBERSHIP, new RingId(1, 0x1234), null, null, members, null);
        voteInfo = Messages.voteInfo(7, Vote.ACK, new RingId(1, 0x1234));
        nodeListBody = bodyOf(nodeList);
        voteInfoBody = bodyOf(voteInfo);
        out = alloc.buffer(4096);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
    }

    private static ByteBuf bodyOf(QnetMessage message) {
        byte[] frame = QnetCodec.encode(message);
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(frame, QnetCodec.HEADER_LENGTH,
                frame.length - QnetCodec.HEADER_LENGTH));
    }

    @Benchmark
    public ByteBuf encodeNodeList() {
        out.clear();
        QnetCodec.encode(nodeList, out);
        return out;
    }

    @Benchmark
    public ByteBuf encodeVoteInfo() {
        out.clear();
        QnetCodec.encode(voteInfo, out);
        return out;
    }

    @Benchmark
    public QnetMessage decodeNodeList() {
        return QnetCodec.decodeBody(MessageType.NODE_LIST, nodeListBody);
    }

    @Benchmark
    public QnetMessage decodeVoteInfo() {
        return QnetCodec.decodeBody(MessageType.VOTE_INFO, voteInfoBody);
    }
}
