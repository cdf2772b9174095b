package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.message.EchoReply;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.QnetMessage;

/** Round trips, stream splitting and garbage resistance. */
class CodecPropertyTest {

    @Provide
    Arbitrary<QnetMessage> messages() {
        return MessageArbitraries.anyMessage();
    }

    @Property
    void everyMessageRoundTrips(@ForAll("messages") QnetMessage message) {
        byte[] frame = QnetCodec.encode(message);
        QnetMessage decoded = QnetCodec.decodeFrame(frame);

        assertThat(QnetCodec.encode(decoded)).isEqualTo(frame);
        if (message instanceof EchoRequest || message instanceof EchoReply) {
            // Decoded echoes also keep the raw body; the seq is what must survive.
            assertThat(decoded.seq()).isEqualTo(message.seq());
            assertThat(decoded.type()).isEqualTo(message.type());
        } else {
            assertThat(decoded).isEqualTo(message);
        }
    }

    @Provide
    Arbitrary<List<QnetMessage>> streams() {
        return MessageArbitraries.anyMessage().list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void anySplittingOfAStreamGivesTheSameMessages(@ForAll("streams") List<QnetMessage> messages,
            @ForAll @Size(max = 20) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 100_000) Integer> cuts) {
        byte[] stream = Frames.concat(messages.stream().map(QnetCodec::encode).toArray(byte[][]::new));
        EmbeddedChannel ch = Channels.channel(new QnetFrameDecoder(16 << 20,
                QnetFrameDecoder.BadInputPolicy.REPORT_AND_CONTINUE, false));

        feedInPieces(ch, stream, cuts);

        List<Object> out = Channels.inbound(ch);
        assertThat(out).hasSize(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            assertThat(QnetCodec.encode((QnetMessage) out.get(i))).isEqualTo(QnetCodec.encode(messages.get(i)));
        }
        Channels.finish(ch);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> tlv = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 20), Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                .as(Frames::tlv);
        Arbitrary<byte[]> tlvBody = tlv.list().ofMaxSize(8).map(l -> Frames.concat(l.toArray(byte[][]::new)));
        Arbitrary<byte[]> nodeInfoBody = tlv.list().ofMaxSize(4)
                .map(l -> Frames.tlv(17, l.stream().mapToInt(b -> b.length).sum(),
                        Frames.concat(l.toArray(byte[][]::new))))
                .list().ofMaxSize(3).map(l -> Frames.concat(l.toArray(byte[][]::new)));
        Arbitrary<byte[]> framed = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.oneOf(tlvBody, nodeInfoBody, randomBytes)).as(Frames::frame);
        Arbitrary<byte[]> lyingHeader = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as(Frames::header);
        return Arbitraries.oneOf(framed, randomBytes, lyingHeader).list().ofMaxSize(6)
                .map(l -> Frames.concat(l.toArray(byte[][]::new)));
    }

    @Property(tries = 1000)
    void garbageGivesOnlyMessagesSkipsOrDecodeEventsOnTheServer(@ForAll("garbage") byte[] input,
            @ForAll @Size(max = 10) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 2000) Integer> cuts) {
        EmbeddedChannel ch = Channels.server();

        feedInPieces(ch, input, cuts);

        for (Object o : Channels.inbound(ch)) {
            assertThat(o).isInstanceOfAny(QnetMessage.class, SkippedFrame.class, UndecodableMessage.class);
            if (o instanceof org.quorate.protocol.message.StartTls) {
                ch.pipeline().get(QnetFrameDecoder.class).resumePlaintext();
            }
        }
        Channels.inbound(ch);
        ch.finishAndReleaseAll();
        assertThat(Channels.unreleased(ch)).isZero();
    }

    @Property(tries = 1000)
    void garbageGivesOnlyMessagesOrTypedErrorsOnTheClient(@ForAll("garbage") byte[] input) {
        EmbeddedChannel ch = Channels.client(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE);
        try {
            Channels.feed(ch, input);
        } catch (QnetDecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
        assertThat(Channels.inbound(ch)).allMatch(o -> o instanceof QnetMessage);
        Channels.finish(ch);
    }

    /** Mostly well-formed TLV streams with plausible value sizes and small values, plus garbage. */
    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> value = Arbitraries.integers().between(0, 12).flatMap(n ->
                Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofSize(n));
        Arbitrary<byte[]> honestTlv = Combinators.combine(Arbitraries.integers().between(0, 30), value)
                .as((type, v) -> Frames.tlv(type, v.length, v));
        Arbitrary<byte[]> nodeInfo = Combinators.combine(Arbitraries.longs().between(0, 3),
                honestTlv.list().ofMaxSize(2))
                .as((id, extra) -> {
                    byte[] nested = Frames.concat(Frames.tlv(9, String.format("%08x", id)),
                            Frames.concat(extra.toArray(byte[][]::new)));
                    return Frames.tlv(17, nested.length, nested);
                });
        Arbitrary<byte[]> honestBody = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, honestTlv), net.jqwik.api.Tuple.of(1, nodeInfo))
                .list().ofMaxSize(6).map(l -> Frames.concat(l.toArray(byte[][]::new)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, honestBody), net.jqwik.api.Tuple.of(1, garbage()));
    }

    @Property(tries = 2000)
    void anyBodyDecodesOrFailsWithTheTypedErrorAndDecodedBodiesAreStable(
            @ForAll("bodies") byte[] body, @ForAll MessageType type) {
        QnetMessage message;
        try {
            message = QnetCodec.decodeBody(type, Unpooled.wrappedBuffer(body));
            Statistics.collect("decoded");
        } catch (QnetDecodeException e) {
            assertThat(e.reason().isBodyError()).isTrue();
            Statistics.collect("rejected");
            return;
        }
        // The generator must exercise both outcomes, or this property proves little.
        Statistics.coverage(c -> {
            c.check("decoded").percentage(p -> p > 5);
            c.check("rejected").percentage(p -> p > 5);
        });
        byte[] again = QnetCodec.encode(message);
        if (!isEmptyBody(again)) {
            assertThat(QnetCodec.encode(QnetCodec.decodeFrame(again))).isEqualTo(again);
        }
    }

    /** A decoded body whose options all belong to other types re-encodes as nothing at all. */
    private static boolean isEmptyBody(byte[] frame) {
        return frame.length == QnetCodec.HEADER_LENGTH;
    }

    private static void feedInPieces(EmbeddedChannel ch, byte[] bytes, List<Integer> cuts) {
        Set<Integer> points = new TreeSet<>(cuts.stream().filter(c -> c > 0 && c < bytes.length)
                .collect(Collectors.toSet()));
        List<Integer> bounds = new ArrayList<>(points);
        bounds.add(bytes.length);
        int from = 0;
        for (int to : bounds) {
            byte[] piece = new byte[to - from];
            System.arraycopy(bytes, from, piece, 0, piece.length);
            Channels.feed(ch, piece);
            from = to;
        }
    }
}
