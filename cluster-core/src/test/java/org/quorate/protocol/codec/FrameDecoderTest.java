package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quorate.protocol.codec.Frames.concat;
import static org.quorate.protocol.codec.Frames.frame;
import static org.quorate.protocol.codec.Frames.header;
import static org.quorate.protocol.codec.Frames.seq;
import static org.quorate.protocol.codec.Frames.tlv;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.codec.QnetDecodeException.Reason;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.QnetMessage;

/** The stream reader of spec §1.6 in a pipeline: waiting, limits, skip mode, policies. */
class FrameDecoderTest {
    private static final byte[] ECHO_1 = frame(8, seq(1));

    /** A frame of exactly {@code total} bytes (at most 65553): seq 4 plus an unknown TLV as padding. */
    private static byte[] echoOfTotalSize(int total) {
        int padding = total - 6 - 8 - 4;
        assertThat(padding).isBetween(0, 0xFFFF);
        return frame(8, seq(4), tlv(0x7000, padding, new byte[padding]));
    }

    @Test
    void truncatedFramesWaitSilentlyForTheRest() {
        EmbeddedChannel ch = Channels.server();
        byte[] whole = frame(10, seq(6), tlv(18, "00"), tlv(17, "0009000400000001"));
        for (int i = 0; i < whole.length - 1; i++) {
            Channels.feed(ch, new byte[] {whole[i]});
            assertThat(Channels.inbound(ch)).as("after %d bytes", i + 1).isEmpty();
        }
        Channels.feed(ch, new byte[] {whole[whole.length - 1]});

        assertThat(Channels.inbound(ch)).singleElement().extracting(m -> ((QnetMessage) m).seq())
                .isEqualTo(6L);
        Channels.finish(ch);
    }

    @Test
    void aPartialFrameAtEndOfStreamProducesNothing() {
        EmbeddedChannel ch = Channels.server();
        Channels.feed(ch, Arrays.copyOf(ECHO_1, 9));
        Channels.finish(ch);
    }

    @Test
    void messageOfExactlyTheLimitIsAcceptedAndOneByteMoreIsSkipped() {
        EmbeddedChannel ch = Channels.server();
        Channels.feed(ch, concat(echoOfTotalSize(32768), echoOfTotalSize(32769), ECHO_1));

        List<Object> out = Channels.inbound(ch);
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isInstanceOf(EchoRequest.class);
        assertThat(((EchoRequest) out.get(0)).body().length()).isEqualTo(32762);
        assertThat(out.get(1)).isEqualTo(new SkippedFrame(8, 32763, SkipReason.MESSAGE_TOO_LONG));
        assertThat(((SkippedFrame) out.get(1)).serverErrorCode()).isEqualTo(ReplyErrorCode.MESSAGE_TOO_LONG);
        assertThat(((EchoRequest) out.get(2)).seq()).isEqualTo(1L);
        Channels.finish(ch);
    }

    @Test
    void skippedBodiesAreDiscardedAsTheyArriveNotBuffered() {
        EmbeddedChannel ch = Channels.server();
        long declared = 16L << 20;
        Channels.feed(ch, header(8, declared));
        byte[] chunk = new byte[64 * 1024];
        for (long sent = 0; sent < declared; sent += chunk.length) {
            Channels.feed(ch, chunk);
            // Every chunk was consumed and released: nothing accumulates while skipping.
            assertThat(Channels.unreleased(ch)).isZero();
            if (sent + chunk.length < declared) {
                assertThat(Channels.inbound(ch)).isEmpty();
            }
        }
        assertThat(Channels.inbound(ch)).containsExactly(new SkippedFrame(8, declared, SkipReason.MESSAGE_TOO_LONG));
        Channels.feed(ch, ECHO_1);
        assertThat(Channels.inbound(ch)).singleElement().isInstanceOf(EchoRequest.class);
        Channels.finish(ch);
    }

    @Test
    void unknownTypesAreSkippedWithTheirCodeAndTheQuirkForEmptyBodies() {
        EmbeddedChannel ch = Channels.server();
        Channels.feed(ch, concat(frame(18, seq(9)), frame(18), header(0xFFFF, 3), new byte[3], ECHO_1));

        List<Object> out = Channels.inbound(ch);
        assertThat(out).hasSize(4);
        SkippedFrame withBody = (SkippedFrame) out.get(0);
        SkippedFrame empty = (SkippedFrame) out.get(1);
        SkippedFrame maxType = (SkippedFrame) out.get(2);
        assertThat(withBody).isEqualTo(new SkippedFrame(18, 8, SkipReason.UNSUPPORTED_MESSAGE));
        assertThat(withBody.serverErrorCode()).isEqualTo(ReplyErrorCode.UNSUPPORTED_MESSAGE);
        assertThat(withBody.type()).isNull();
        assertThat(empty.serverErrorCode()).isEqualTo(ReplyErrorCode.NO_ERROR);
        assertThat(maxType).isEqualTo(new SkippedFrame(0xFFFF, 3, SkipReason.UNSUPPORTED_MESSAGE));
        assertThat(out.get(3)).isInstanceOf(EchoRequest.class);
        Channels.finish(ch);
    }

    @Test
    void unknownTypeWinsOverTooLong() {
        EmbeddedChannel ch = Channels.server();
        Channels.feed(ch, header(99, 40000));
        Channels.feed(ch, new byte[40000]);
        assertThat(Channels.inbound(ch)).containsExactly(new SkippedFrame(99, 40000, SkipReason.UNSUPPORTED_MESSAGE));
        Channels.finish(ch);
    }

    @Test
    void undecodableBodiesBecomeEventsWithTheSeqAndTheStreamGoesOn() {
        EmbeddedChannel ch = Channels.server();
        Channels.feed(ch, concat(frame(8, seq(30), new byte[2]), frame(3), ECHO_1));

        List<Object> out = Channels.inbound(ch);
        assertThat(out).hasSize(3);
        UndecodableMessage trailing = (UndecodableMessage) out.get(0);
        UndecodableMessage empty = (UndecodableMessage) out.get(1);
        assertThat(trailing.type()).isEqualTo(MessageType.ECHO_REQUEST);
        assertThat(trailing.seq()).isEqualTo(30L);
        assertThat(trailing.error().reason()).isEqualTo(Reason.TRUNCATED_TLV_HEADER);
        assertThat(empty.type()).isEqualTo(MessageType.INIT);
        assertThat(empty.seq()).isNull();
        assertThat(empty.error().reason()).isEqualTo(Reason.EMPTY_BODY);
        assertThat(out.get(2)).isInstanceOf(EchoRequest.class);
        Channels.finish(ch);
    }

    @Test
    void clientPolicyFailsOnUnknownTypesAndDiscardsTheRest() {
        EmbeddedChannel ch = Channels.client(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE);
        byte[] input = concat(ECHO_1, frame(18, seq(1)), ECHO_1);
        assertThatThrownBy(() -> Channels.feed(ch, input)).isInstanceOfSatisfying(QnetDecodeException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_MESSAGE_TYPE));
        // The frame before the bad one was delivered; nothing after it is.
        assertThat(Channels.inbound(ch)).singleElement().isInstanceOf(EchoRequest.class);
        Channels.feed(ch, ECHO_1);
        assertThat(Channels.inbound(ch)).isEmpty();
        Channels.finish(ch);
    }

    @Test
    void clientPolicyFailsOnTooLongAndOnDecodeErrors() {
        EmbeddedChannel tooLong = Channels.client(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE);
        assertThatThrownBy(() -> Channels.feed(tooLong, header(9, 40000)))
                .isInstanceOfSatisfying(QnetDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MESSAGE_TOO_LONG));
        Channels.finish(tooLong);

        EmbeddedChannel bad = Channels.client(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE);
        assertThatThrownBy(() -> Channels.feed(bad, frame(14, seq(1), tlv(19, "06"))))
                .isInstanceOfSatisfying(QnetDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.VALUE_OUT_OF_RANGE);
                    assertThat(e.seq()).isEqualTo(1L);
                });
        Channels.finish(bad);
    }

    @Test
    void theLimitCanBeRaisedAtRuntimeForTheNextFrame() {
        EmbeddedChannel ch = Channels.client(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE);
        Channels.feed(ch, ECHO_1);
        assertThat(Channels.inbound(ch)).hasSize(1);

        ch.pipeline().get(QnetFrameDecoder.class).setMaxMessageSize(16 << 20);
        Channels.feed(ch, echoOfTotalSize(60_000));

        assertThat(Channels.inbound(ch)).singleElement().isInstanceOf(EchoRequest.class);
        Channels.finish(ch);
    }

    @Test
    void limitsBelowTheHeaderSizeAreRejected() {
        assertThatThrownBy(() -> QnetFrameDecoder.forServer(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6");
    }

    @Test
    void encoderAndDecoderUseTheChannelAllocator() {
        EmbeddedChannel ch = Channels.server();
        int before = Channels.allocations(ch);
        ch.writeOutbound(Messages.serverError(3L, ReplyErrorCode.INIT_REQUIRED));
        assertThat(Channels.allocations(ch)).isGreaterThan(before);
        assertThat(GoldenVectors.hex(Channels.outbound(ch))).isEqualTo("00050000000e000000040000000300060002000b");
        Channels.finish(ch);
    }
}
