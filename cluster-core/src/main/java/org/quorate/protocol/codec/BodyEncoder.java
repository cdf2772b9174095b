package org.quorate.protocol.codec;

import static org.quorate.protocol.OptionType.CLUSTER_NAME;
import static org.quorate.protocol.OptionType.CONFIG_VERSION;
import static org.quorate.protocol.OptionType.DECISION_ALGORITHM;
import static org.quorate.protocol.OptionType.HEARTBEAT_INTERVAL;
import static org.quorate.protocol.OptionType.HEURISTICS;
import static org.quorate.protocol.OptionType.KEEP_ACTIVE_PARTITION_TIE_BREAKER;
import static org.quorate.protocol.OptionType.MSG_SEQ_NUMBER;
import static org.quorate.protocol.OptionType.NODE_ID;
import static org.quorate.protocol.OptionType.NODE_LIST_TYPE;
import static org.quorate.protocol.OptionType.QUORATE;
import static org.quorate.protocol.OptionType.REPLY_ERROR_CODE;
import static org.quorate.protocol.OptionType.RING_ID;
import static org.quorate.protocol.OptionType.SERVER_MAXIMUM_REPLY_SIZE;
import static org.quorate.protocol.OptionType.SERVER_MAXIMUM_REQUEST_SIZE;
import static org.quorate.protocol.OptionType.SUPPORTED_DECISION_ALGORITHMS;
import static org.quorate.protocol.OptionType.SUPPORTED_MESSAGES;
import static org.quorate.protocol.OptionType.SUPPORTED_OPTIONS;
import static org.quorate.protocol.OptionType.TIE_BREAKER;
import static org.quorate.protocol.OptionType.TLS_CLIENT_CERT_REQUIRED;
import static org.quorate.protocol.OptionType.TLS_SUPPORTED;
import static org.quorate.protocol.OptionType.VOTE;

import io.netty.buffer.ByteBuf;
import org.quorate.protocol.WireBytes;
import org.quorate.protocol.message.AskForVote;
import org.quorate.protocol.message.AskForVoteReply;
import org.quorate.protocol.message.EchoReply;
import org.quorate.protocol.message.EchoRequest;
import org.quorate.protocol.message.HeuristicsChange;
import org.quorate.protocol.message.HeuristicsChangeReply;
import org.quorate.protocol.message.Init;
import org.quorate.protocol.message.InitReply;
import org.quorate.protocol.message.NodeList;
import org.quorate.protocol.message.NodeListReply;
import org.quorate.protocol.message.Preinit;
import org.quorate.protocol.message.PreinitReply;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.protocol.message.ServerError;
import org.quorate.protocol.message.SetOption;
import org.quorate.protocol.message.SetOptionReply;
import org.quorate.protocol.message.StartTls;
import org.quorate.protocol.message.VoteInfo;
import org.quorate.protocol.message.VoteInfoReply;

/**
 * Writes a message body with its TLVs in exactly the order the C encoder emits them for that type
 * (spec §3.2, confirmed by the captured vectors). Absent (null) options are not written.
 */
final class BodyEncoder {
    private BodyEncoder() {
    }

    static void write(QnetMessage message, ByteBuf out) {
        TlvWriter w = new TlvWriter(out);
        if (message instanceof Preinit m) {
            w.u32(MSG_SEQ_NUMBER, m.seq())
                    .bytes(CLUSTER_NAME, m.clusterName() == null ? null : m.clusterName().toBytes());
        } else if (message instanceof PreinitReply m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).code8(TLS_SUPPORTED, m.tlsSupported())
                    .u8(TLS_CLIENT_CERT_REQUIRED, m.tlsClientCertRequired());
        } else if (message instanceof StartTls m) {
            w.u32(MSG_SEQ_NUMBER, m.seq());
        } else if (message instanceof Init m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).u16Array(SUPPORTED_MESSAGES, m.supportedMessages())
                    .u16Array(SUPPORTED_OPTIONS, m.supportedOptions()).u32(NODE_ID, m.nodeId())
                    .u16(DECISION_ALGORITHM, m.decisionAlgorithm())
                    .u32(HEARTBEAT_INTERVAL, m.heartbeatInterval())
                    .tieBreaker(TIE_BREAKER, m.tieBreaker()).ringId(RING_ID, m.ringId());
        } else if (message instanceof InitReply m) {
            // The error code comes first and the seq only after the lists: C's order, not ours.
            w.u16(REPLY_ERROR_CODE, m.replyErrorCode()).u16Array(SUPPORTED_MESSAGES, m.supportedMessages())
                    .u16Array(SUPPORTED_OPTIONS, m.supportedOptions()).u32(MSG_SEQ_NUMBER, m.seq())
                    .u32(SERVER_MAXIMUM_REQUEST_SIZE, m.serverMaximumRequestSize())
                    .u32(SERVER_MAXIMUM_REPLY_SIZE, m.serverMaximumReplySize())
                    .u16Array(SUPPORTED_DECISION_ALGORITHMS, m.supportedDecisionAlgorithms());
        } else if (message instanceof ServerError m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).u16(REPLY_ERROR_CODE, m.replyErrorCode());
        } else if (message instanceof SetOption m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).u32(HEARTBEAT_INTERVAL, m.heartbeatInterval())
                    .flag(KEEP_ACTIVE_PARTITION_TIE_BREAKER, m.keepActivePartitionTieBreaker());
        } else if (message instanceof SetOptionReply m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).u32(HEARTBEAT_INTERVAL, m.heartbeatInterval())
                    .flag(KEEP_ACTIVE_PARTITION_TIE_BREAKER, m.keepActivePartitionTieBreaker());
        } else if (message instanceof EchoRequest m) {
            writeEcho(w, out, m.seq(), m.body());
        } else if (message instanceof EchoReply m) {
            writeEcho(w, out, m.seq(), m.body());
        } else if (message instanceof NodeList m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).code8(NODE_LIST_TYPE, m.nodeListType())
                    .ringId(RING_ID, m.ringId()).u64(CONFIG_VERSION, m.configVersion())
                    .flag(QUORATE, m.quorate()).nodeInfos(m.nodes())
                    .code8(HEURISTICS, m.heuristics());
        } else if (message instanceof NodeListReply m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).code8(NODE_LIST_TYPE, m.nodeListType())
                    .ringId(RING_ID, m.ringId()).code8(VOTE, m.vote());
        } else if (message instanceof AskForVote m) {
            w.u32(MSG_SEQ_NUMBER, m.seq());
        } else if (message instanceof AskForVoteReply m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).code8(VOTE, m.vote()).ringId(RING_ID, m.ringId());
        } else if (message instanceof VoteInfo m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).code8(VOTE, m.vote()).ringId(RING_ID, m.ringId());
        } else if (message instanceof VoteInfoReply m) {
            w.u32(MSG_SEQ_NUMBER, m.seq());
        } else if (message instanceof HeuristicsChange m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).code8(HEURISTICS, m.heuristics());
        } else if (message instanceof HeuristicsChangeReply m) {
            w.u32(MSG_SEQ_NUMBER, m.seq()).code8(VOTE, m.vote()).ringId(RING_ID, m.ringId())
                    .code8(HEURISTICS, m.heuristics());
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
    }

    /** A received echo body is copied verbatim; a locally built one carries just the seq. */
    private static void writeEcho(TlvWriter w, ByteBuf out, Long seq, WireBytes body) {
        if (body != null) {
            out.writeBytes(body.toByteArray());
        } else {
            w.u32(MSG_SEQ_NUMBER, seq);
        }
    }
}
