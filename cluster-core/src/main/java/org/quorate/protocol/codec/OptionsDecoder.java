package org.quorate.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.OptionType;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TieBreakerMode;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
import org.quorate.protocol.codec.QnetDecodeException.Reason;

/**
 * Decodes a message body (a TLV stream) into {@link DecodedOptions} with the rules of spec §1.3–1.5.
 * Reads only with absolute indexes inside the given bounds and never moves the buffer's indexes.
 * Single pass: on error the exception carries the seq number decoded so far.
 */
public final class OptionsDecoder {
    private static final int TLV_HEADER = 4;

    private OptionsDecoder() {
    }

    /** Decodes the readable bytes of {@code body}. */
    public static DecodedOptions decode(ByteBuf body) {
        DecodedOptions options = new DecodedOptions();
        int start = body.readerIndex();
        int end = body.writerIndex();
        if (start == end) {
            throw new QnetDecodeException(Reason.EMPTY_BODY, null, null, "message body is empty");
        }
        for (int pos = start; pos < end; ) {
            int valueStart = checkTlvBounds(body, pos, end, options.seq);
            int type = body.getUnsignedShort(pos);
            int length = body.getUnsignedShort(pos + 2);
            decodeOption(body, type, valueStart, length, options);
            pos = valueStart + length;
        }
        return options;
    }

    /** Validates the TLV header at {@code pos} and returns where its value starts. */
    private static int checkTlvBounds(ByteBuf buf, int pos, int end, Long seq) {
        if (end - pos < TLV_HEADER) {
            throw new QnetDecodeException(Reason.TRUNCATED_TLV_HEADER, seq, null,
                    (end - pos) + " byte(s) left where a TLV header should start");
        }
        int length = buf.getUnsignedShort(pos + 2);
        if ((long) pos + TLV_HEADER + length > end) {
            throw new QnetDecodeException(Reason.TLV_OVERRUNS_BODY, seq, buf.getUnsignedShort(pos),
                    "length " + length + " but only " + (end - pos - TLV_HEADER) + " byte(s) left");
        }
        return pos + TLV_HEADER;
    }

    private static void decodeOption(ByteBuf buf, int type, int at, int length, DecodedOptions o) {
        OptionType option = OptionType.fromCode(type);
        if (option == null) {
            return; // unknown options are skipped for forward compatibility (rule 3)
        }
        Value v = new Value(buf, option, at, length, o.seq);
        switch (option) {
            case MSG_SEQ_NUMBER -> o.seq = v.u32();
            case CLUSTER_NAME -> o.clusterName = ClusterName.ofBytes(v.bytes());
            case TLS_SUPPORTED -> o.tlsSupported = v.enumValue(TlsSupported.fromCode(v.u8()));
            case TLS_CLIENT_CERT_REQUIRED -> o.tlsClientCertRequired = v.u8();
            case SUPPORTED_MESSAGES -> o.supportedMessages = v.u16Array();
            case SUPPORTED_OPTIONS -> o.supportedOptions = v.u16Array();
            case REPLY_ERROR_CODE -> o.replyErrorCode = v.u16();
            case SERVER_MAXIMUM_REQUEST_SIZE -> o.serverMaximumRequestSize = v.u32();
            case SERVER_MAXIMUM_REPLY_SIZE -> o.serverMaximumReplySize = v.u32();
            case NODE_ID -> o.nodeId = v.u32();
            case SUPPORTED_DECISION_ALGORITHMS -> o.supportedDecisionAlgorithms = v.u16Array();
            case DECISION_ALGORITHM -> o.decisionAlgorithm = v.u16();
            case HEARTBEAT_INTERVAL -> o.heartbeatInterval = v.u32();
            case RING_ID -> o.ringId = v.ringId();
            case CONFIG_VERSION -> o.configVersion = v.u64();
            case DATA_CENTER_ID -> o.dataCenterId = v.u32();
            case NODE_STATE -> o.nodeState = v.enumValue(NodeState.fromCode(v.u8()));
            case NODE_INFO -> o.nodes.add(decodeNodeInfo(buf, at, at + length, o.seq));
            case NODE_LIST_TYPE -> o.nodeListType = v.enumValue(NodeListType.fromCode(v.u8()));
            case VOTE -> o.vote = v.enumValue(Vote.fromWire(v.u8()));
            case QUORATE -> o.quorate = v.flag();
            case TIE_BREAKER -> o.tieBreaker = v.tieBreaker();
            case HEURISTICS -> o.heuristics = v.enumValue(HeuristicsResult.fromWire(v.u8()));
            case KEEP_ACTIVE_PARTITION_TIE_BREAKER -> o.keepActivePartitionTieBreaker = v.flag();
            default -> throw new IllegalStateException("unhandled option " + option);
        }
    }

    /**
     * A NODE_INFO value is a nested TLV stream with the same framing rules. Only NODE_ID,
     * DATA_CENTER_ID and NODE_STATE are interpreted (other nested options are ignored, as in C);
     * a missing or zero node id is an error.
     */
    private static NodeInfo decodeNodeInfo(ByteBuf buf, int start, int end, Long seq) {
        if (start == end) {
            throw new QnetDecodeException(Reason.TRUNCATED_TLV_HEADER, seq,
                    OptionType.NODE_INFO.code(), "empty NODE_INFO value");
        }
        long nodeId = 0;
        long dataCenterId = 0;
        NodeState state = NodeState.NOT_SET;
        for (int pos = start; pos < end; ) {
            int valueStart = checkTlvBounds(buf, pos, end, seq);
            int type = buf.getUnsignedShort(pos);
            int length = buf.getUnsignedShort(pos + 2);
            OptionType option = OptionType.fromCode(type);
            if (option != null) {
                Value v = new Value(buf, option, valueStart, length, seq);
                switch (option) {
                    case NODE_ID -> nodeId = v.u32();
                    case DATA_CENTER_ID -> dataCenterId = v.u32();
                    case NODE_STATE -> state = v.enumValue(NodeState.fromCode(v.u8()));
                    default -> { } // not interpreted inside NODE_INFO
                }
            }
            pos = valueStart + length;
        }
        if (nodeId == 0) {
            throw new QnetDecodeException(Reason.NODE_INFO_WITHOUT_NODE_ID, seq,
                    OptionType.NODE_INFO.code(), "node id missing or 0");
        }
        return new NodeInfo(nodeId, dataCenterId, state);
    }

    /** One option value with its bounds; each accessor checks the length first. */
    private record Value(ByteBuf buf, OptionType option, int at, int length, Long seq) {
        private void requireLength(int expected) {
            if (length != expected) {
                throw error(Reason.WRONG_VALUE_LENGTH, "length " + length + ", expected " + expected);
            }
        }

        private QnetDecodeException error(Reason reason, String detail) {
            return new QnetDecodeException(reason, seq, option.code(), detail);
        }

        int u8() {
            requireLength(1);
            return buf.getUnsignedByte(at);
        }

        int u16() {
            requireLength(2);
            return buf.getUnsignedShort(at);
        }

        long u32() {
            requireLength(4);
            return buf.getUnsignedInt(at);
        }

        long u64() {
            requireLength(8);
            return buf.getLong(at);
        }

        byte[] bytes() {
            byte[] out = new byte[length];
            buf.getBytes(at, out);
            return out;
        }

        List<Integer> u16Array() {
            if (length % 2 != 0) {
                throw error(Reason.ODD_ARRAY_LENGTH, "length " + length);
            }
            List<Integer> items = new ArrayList<>(length / 2);
            for (int i = 0; i < length; i += 2) {
                items.add(buf.getUnsignedShort(at + i));
            }
            return List.copyOf(items);
        }

        RingId ringId() {
            requireLength(12);
            return new RingId(buf.getUnsignedInt(at), buf.getLong(at + 4));
        }

        TieBreaker tieBreaker() {
            requireLength(5);
            int modeCode = buf.getUnsignedByte(at);
            TieBreakerMode mode = enumValue(TieBreakerMode.fromCode(modeCode), modeCode);
            // The decoder zeroes the node id unless the mode is NODE_ID, like C does.
            return new TieBreaker(mode, mode == TieBreakerMode.NODE_ID ? buf.getUnsignedInt(at + 1) : 0);
        }

        /** QUORATE and KAP: u8 that must be 0 or 1. */
        Boolean flag() {
            int raw = u8();
            if (raw > 1) {
                throw error(Reason.VALUE_OUT_OF_RANGE, "value " + raw + ", expected 0 or 1");
            }
            return raw == 1;
        }

        /** {@code known} is the constant the raw u8 maps to, or null when out of range. */
        <E> E enumValue(E known) {
            return enumValue(known, buf.getUnsignedByte(at));
        }

        <E> E enumValue(E known, int raw) {
            if (known == null) {
                throw error(Reason.VALUE_OUT_OF_RANGE, "value " + raw);
            }
            return known;
        }
    }
}
