package org.quorate.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quorate.protocol.codec.Frames.concat;
import static org.quorate.protocol.codec.Frames.seq;
import static org.quorate.protocol.codec.Frames.tlv;

import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quorate.cluster.NodeState;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;
import org.quorate.protocol.codec.QnetDecodeException.Reason;
import org.quorate.protocol.message.Init;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.NodeList;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.VoteInfo;

/** TLV body rules of spec §1.3–1.5 and §14 items 3–7, through the plain API. */
class BodyDecodingTest {

    private static QnetMessage decode(MessageType type, byte[] body) {
        return QnetCodec.decodeBody(type, Unpooled.wrappedBuffer(body));
    }

    private static QnetDecodeException failure(MessageType type, byte[] body) {
        return catchThrowableOfType(QnetDecodeException.class, () -> decode(type, body));
    }

    @Test
    void emptyBodyIsAnErrorWithoutSeq() {
        QnetDecodeException e = failure(MessageType.ECHO_REQUEST, new byte[0]);
        assertThat(e.reason()).isEqualTo(Reason.EMPTY_BODY);
        assertThat(e.seq()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"00", "0000", "000000"})
    void bodyOfOneToThreeBytesIsATruncatedHeader(String hex) {
        assertThat(failure(MessageType.ECHO_REQUEST, GoldenVectors.hex(hex)).reason())
                .isEqualTo(Reason.TRUNCATED_TLV_HEADER);
    }

    @ParameterizedTest
    @CsvSource({"00", "0000", "000000"})
    void trailingBytesAfterTheLastTlvAreAnErrorThatKeepsTheSeq(String hex) {
        QnetDecodeException e = failure(MessageType.ECHO_REQUEST, concat(seq(30), GoldenVectors.hex(hex)));
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_TLV_HEADER);
        assertThat(e.seq()).isEqualTo(30L);
    }

    @Test
    void tlvOverrunningTheBodyIsAnError() {
        byte[] body = concat(seq(5), tlv(1, 10, GoldenVectors.hex("616263")));
        QnetDecodeException e = failure(MessageType.PREINIT, body);
        assertThat(e.reason()).isEqualTo(Reason.TLV_OVERRUNS_BODY);
        assertThat(e.optionCode()).isEqualTo(1);
        assertThat(e.seq()).isEqualTo(5L);
    }

    @Test
    void errorBeforeTheSeqTlvReportsNoSeq() {
        QnetDecodeException e = failure(MessageType.VOTE_INFO, concat(tlv(19, "00"), seq(5)));
        assertThat(e.reason()).isEqualTo(Reason.VALUE_OUT_OF_RANGE);
        assertThat(e.seq()).isNull();
    }

    @Test
    void malformedSecondSeqKeepsTheFirstOne() {
        QnetDecodeException e = failure(MessageType.ECHO_REQUEST, concat(seq(7), tlv(0, "000008")));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_VALUE_LENGTH);
        assertThat(e.seq()).isEqualTo(7L);
    }

    @ParameterizedTest(name = "option {0} with value {1}")
    @CsvSource({
        "0, 000001", "0, 0000000001", "6, 00", "7, 000080", "9, 00000001ff", "11, 0001ff",
        "12, 1f40", "13, 0000000100000000000000", "13, 00000001000000000000000001",
        "14, 00000003", "2, 0001", "3, ''", "18, 0000", "19, 0101", "20, ''", "21, 01000000",
        "21, 010000000000", "22, 0101", "23, ''", "15, 01", "16, 0101"})
    void fixedSizeOptionsWithAnotherLengthAreErrors(int option, String valueHex) {
        QnetDecodeException e = failure(MessageType.NODE_LIST, concat(seq(9), tlv(option, valueHex)));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_VALUE_LENGTH);
        assertThat(e.optionCode()).isEqualTo(option);
        assertThat(e.seq()).isEqualTo(9L);
    }

    @ParameterizedTest(name = "option {0}")
    @CsvSource({"4", "5", "10"})
    void oddLengthU16ArraysAreErrors(int option) {
        QnetDecodeException e = failure(MessageType.INIT, concat(seq(2), tlv(option, "000100")));
        assertThat(e.reason()).isEqualTo(Reason.ODD_ARRAY_LENGTH);
    }

    @Test
    void emptyU16ArraysAreAllowed() {
        InitReply reply = (InitReply) decode(MessageType.INIT_REPLY, concat(tlv(6, "0000"), tlv(4, ""),
                tlv(10, "")));
        assertThat(reply.supportedMessages()).isEmpty();
        assertThat(reply.supportedDecisionAlgorithms()).isEmpty();
        assertThat(reply.supportedOptions()).isNull();
    }

    /** Spec §14 item 5, plus NODE_STATE at top level and inside NODE_INFO. */
    @ParameterizedTest(name = "option {0} value {1}")
    @CsvSource({
        "19, 00", "19, 06", "19, ff", "18, 04", "2, 03", "20, 02", "22, 00", "22, 03",
        "21, 0000000000", "21, 0400000000", "23, 02", "16, 00", "16, 04"})
    void outOfRangeEnumsAreErrors(int option, String valueHex) {
        QnetDecodeException e = failure(MessageType.NODE_LIST, concat(seq(11), tlv(option, valueHex)));
        assertThat(e.reason()).isEqualTo(Reason.VALUE_OUT_OF_RANGE);
        assertThat(e.optionCode()).isEqualTo(option);
        assertThat(e.seq()).isEqualTo(11L);
    }

    @Test
    void nodeStateZeroInsideNodeInfoIsAnError() {
        byte[] info = tlv(17, "00090004000000010010000100");
        assertThat(failure(MessageType.NODE_LIST, concat(seq(1), info)).reason())
                .isEqualTo(Reason.VALUE_OUT_OF_RANGE);
    }

    @ParameterizedTest(name = "NODE_INFO value {0}")
    @CsvSource({"000f000400000005", "0009000400000000", "0009000400000000000f000400000005"})
    void nodeInfoWithoutNonZeroNodeIdIsAnError(String nested) {
        QnetDecodeException e = failure(MessageType.NODE_LIST, concat(seq(3), tlv(17, nested)));
        assertThat(e.reason()).isEqualTo(Reason.NODE_INFO_WITHOUT_NODE_ID);
        assertThat(e.seq()).isEqualTo(3L);
    }

    @ParameterizedTest(name = "NODE_INFO value ''{0}''")
    @CsvSource({"''", "000900", "0009000400000001ff", "0009000800000001"})
    void malformedNestedStreamsAreErrors(String nested) {
        QnetDecodeException e = failure(MessageType.NODE_LIST, concat(seq(3), tlv(17, nested)));
        assertThat(e.reason()).isIn(Reason.TRUNCATED_TLV_HEADER, Reason.TLV_OVERRUNS_BODY);
    }

    @Test
    void nestedNodeIdWithWrongLengthIsAnError() {
        assertThat(failure(MessageType.NODE_LIST, concat(seq(3), tlv(17, "00090003000001"))).reason())
                .isEqualTo(Reason.WRONG_VALUE_LENGTH);
    }

    @Test
    void unknownNestedOptionsAreIgnored() {
        NodeList list = (NodeList) decode(MessageType.NODE_LIST,
                concat(seq(3), tlv(17, "00640002abcd000900040000000200000004ffffffff")));
        assertThat(list.nodes()).containsExactly(NodeInfo.of(2));
    }

    @Test
    void unknownTopLevelOptionsAreSkipped() {
        VoteInfo info = (VoteInfo) decode(MessageType.VOTE_INFO, concat(tlv(100, "0102030405"), seq(1),
                tlv(0xffff, ""), tlv(19, "01"), tlv(13, "000000010000000000000008")));
        assertThat(info.vote()).isEqualTo(Vote.ACK);
        assertThat(info.seq()).isEqualTo(1L);
    }

    @Test
    void duplicateOptionsFollowTheCRules() {
        byte[] body = concat(seq(1), tlv(4, "00000001"), tlv(18, "00"), tlv(17, "0009000400000002"),
                seq(2), tlv(4, "0003"), tlv(18, "03"), tlv(17, "0009000400000002"),
                tlv(17, "00090004000000010010000102"));
        DecodedOptions o = QnetCodec.decodeOptions(Unpooled.wrappedBuffer(body));

        assertThat(o.seq()).isEqualTo(2L);
        assertThat(o.supportedMessages()).containsExactly(3);
        assertThat(o.nodeListType().code()).isEqualTo(3);
        assertThat(o.nodes()).containsExactly(NodeInfo.of(2), NodeInfo.of(2), NodeInfo.of(1, NodeState.DEAD));
    }

    @Test
    void optionsTheCDecoderDoesNotRangeCheckKeepTheirRawValue() {
        byte[] replyBody = concat(tlv(6, "03e7"), seq(4));
        InitReply reply = (InitReply) decode(MessageType.INIT_REPLY, replyBody);
        assertThat(reply.replyErrorCode()).isEqualTo(999);
        assertThat(reply.errorCode()).isNull();

        byte[] initBody = concat(seq(2), tlv(11, "004d"));
        Init init = (Init) decode(MessageType.INIT, initBody);
        assertThat(init.decisionAlgorithm()).isEqualTo(77);
        assertThat(init.algorithm()).isNull();

        byte[] preinitReplyBody = concat(seq(1), tlv(2, "01"), tlv(3, "05"));
        PreinitReply preinitReply = (PreinitReply) decode(MessageType.PREINIT_REPLY, preinitReplyBody);
        assertThat(preinitReply.tlsClientCertRequired()).isEqualTo(5);
        assertThat(preinitReply.clientCertRequired()).isTrue();

        for (var pair : List.of(List.of(reply, replyBody), List.of(init, initBody),
                List.of(preinitReply, preinitReplyBody))) {
            QnetMessage m = (QnetMessage) pair.get(0);
            assertThat(GoldenVectors.hex(QnetCodec.encode(m)))
                    .isEqualTo(GoldenVectors.hex(Frames.frame(m.type().code(), (byte[]) pair.get(1))));
        }
    }

    @Test
    void tieBreakerNodeIdIsZeroedUnlessModeIsNodeId() {
        Init lowest = (Init) decode(MessageType.INIT, tlv(21, "0100000007"));
        Init nodeId = (Init) decode(MessageType.INIT, tlv(21, "0300000007"));
        assertThat(lowest.tieBreaker()).isEqualTo(TieBreaker.LOWEST);
        assertThat(nodeId.tieBreaker()).isEqualTo(TieBreaker.nodeId(7));
    }

    @Test
    void absentOptionsAreNullInTheMessage() {
        Init init = (Init) decode(MessageType.INIT, seq(2));
        assertThat(init.seq()).isEqualTo(2L);
        assertThat(init.nodeId()).isNull();
        assertThat(init.ringId()).isNull();
        assertThat(init.tieBreaker()).isNull();
        assertThat(init.decisionAlgorithm()).isNull();
        assertThat(init.heartbeatInterval()).isNull();
        assertThat(init.supportedMessages()).isNull();
    }

    @Test
    void topLevelDataCenterAndNodeStateAreAcceptedButUnused() {
        DecodedOptions o = QnetCodec.decodeOptions(Unpooled.wrappedBuffer(
                concat(seq(1), tlv(15, "00000009"), tlv(16, "03"))));
        assertThat(o.dataCenterId()).isEqualTo(9L);
        assertThat(o.nodeState()).isEqualTo(NodeState.LEAVING);
        assertThat(o.nodes()).isEmpty();
    }

    @Test
    void decodingNeverMovesTheCallersIndexes() {
        var buf = Unpooled.wrappedBuffer(concat(seq(1), tlv(19, "01")));
        int reader = buf.readerIndex();
        QnetCodec.decodeBody(MessageType.VOTE_INFO, buf);
        assertThat(buf.readerIndex()).isEqualTo(reader);
    }
}
