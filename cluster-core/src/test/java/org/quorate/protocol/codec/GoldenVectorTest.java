package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.codec.GoldenVectors.Exchange;
import org.quorate.protocol.codec.GoldenVectors.Frame;
import org.quorate.protocol.codec.GoldenVectors.SessionMessage;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.Messages;
import org.quorate.protocol.message.QnetMessage;

/** Every frame captured from the real C daemons decodes and re-encodes to the identical bytes. */
class GoldenVectorTest {
    /** Exchanges whose request the real server could not deliver as a message. */
    private static final Set<String> UNDELIVERABLE_REQUESTS = Set.of("server_error_decode",
            "server_error_too_long", "server_error_unknown_empty", "server_error_unsupported_message");

    static Stream<Arguments> decodableFrames() {
        return GoldenVectors.replies().stream().flatMap(ex -> ex.frames().stream()
                .filter(f -> !(f.fromClient() && UNDELIVERABLE_REQUESTS.contains(ex.name())))
                .map(f -> Arguments.of(ex.name() + (f.fromClient() ? " C>S " : " S>C ")
                        + GoldenVectors.hex(f.bytes()).substring(0, 4), f)));
    }

    static Stream<SessionMessage> sessionMessages() {
        return GoldenVectors.plainSession().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodableFrames")
    void staticDecodeThenEncodeGivesTheSameBytes(String name, Frame frame) {
        QnetMessage message = QnetCodec.decodeFrame(frame.bytes());

        assertThat(message.type().code()).isEqualTo(frame.typeCode());
        assertThat(GoldenVectors.hex(QnetCodec.encode(message))).isEqualTo(GoldenVectors.hex(frame.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodableFrames")
    void pipelineDecodeThenEncodeGivesTheSameBytes(String name, Frame frame) {
        // The server receives C>S frames; the client (16 MiB limit after INIT_REPLY) the S>C ones.
        EmbeddedChannel ch = frame.fromClient() ? Channels.server() : Channels.client(16 << 20);
        Channels.feed(ch, frame.bytes());
        List<Object> in = Channels.inbound(ch);
        assertThat(in).hasSize(1).first().isInstanceOf(QnetMessage.class);

        ch.writeOutbound(in.get(0));
        assertThat(GoldenVectors.hex(Channels.outbound(ch))).isEqualTo(GoldenVectors.hex(frame.bytes()));
        Channels.finish(ch);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionMessages")
    void everyMessageOfTheRealSessionRoundTrips(SessionMessage m) {
        QnetMessage message = QnetCodec.decodeFrame(m.bytes());

        assertThat(message.type().name()).isEqualTo(m.name());
        assertThat(GoldenVectors.hex(QnetCodec.encode(message))).isEqualTo(GoldenVectors.hex(m.bytes()));
    }

    @Test
    void theWholeSessionStreamDecodesInOrderOnBothSides() {
        List<SessionMessage> session = GoldenVectors.plainSession();
        EmbeddedChannel server = Channels.server();
        EmbeddedChannel client = Channels.client(QnetCodec.DEFAULT_MAX_MESSAGE_SIZE);
        for (SessionMessage m : session) {
            Channels.feed(m.fromClient() ? server : client, m.bytes());
        }
        List<Object> atServer = Channels.inbound(server);
        List<Object> atClient = Channels.inbound(client);

        assertThat(atServer).extracting(o -> ((QnetMessage) o).type().name())
                .containsExactlyElementsOf(session.stream().filter(SessionMessage::fromClient)
                        .map(SessionMessage::name).toList());
        assertThat(atClient).extracting(o -> ((QnetMessage) o).type().name())
                .containsExactlyElementsOf(session.stream().filter(m -> !m.fromClient())
                        .map(SessionMessage::name).toList());
        Channels.finish(server);
        Channels.finish(client);
    }

    @Test
    void echoReplyIsTheRequestWithTypeNine() {
        Exchange echo = exchange("echo_reply");
        EmbeddedChannel server = Channels.server();
        Channels.feed(server, echo.requests().get(0).bytes());
        EchoRequest request = (EchoRequest) server.readInbound();

        server.writeOutbound(Messages.echoReply(request));

        assertThat(GoldenVectors.hex(Channels.outbound(server)))
                .isEqualTo(GoldenVectors.hex(echo.replies().get(0).bytes()));
        Channels.finish(server);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undeliverable")
    void undeliverableRequestsGiveTheEventTheRealServerAnswered(String name) {
        Exchange ex = exchange(name);
        EmbeddedChannel server = Channels.server();
        Channels.feed(server, ex.requests().get(0).bytes());
        List<Object> events = Channels.inbound(server);
        assertThat(events).hasSize(1);

        QnetMessage reply = serverReplyTo(events.get(0));
        server.writeOutbound(reply);

        assertThat(GoldenVectors.hex(Channels.outbound(server)))
                .isEqualTo(GoldenVectors.hex(ex.replies().get(0).bytes()));
        Channels.finish(server);
    }

    static Stream<String> undeliverable() {
        return UNDELIVERABLE_REQUESTS.stream().sorted();
    }

    /** The handling a qnetd handler must implement, as documented on the event types. */
    private static QnetMessage serverReplyTo(Object event) {
        if (event instanceof SkippedFrame skipped) {
            return Messages.serverError(null, skipped.serverErrorCode());
        }
        UndecodableMessage bad = (UndecodableMessage) event;
        return Messages.serverError(bad.seq(), ReplyErrorCode.ERROR_DECODING_MSG);
    }

    private static Exchange exchange(String name) {
        return GoldenVectors.replies().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
