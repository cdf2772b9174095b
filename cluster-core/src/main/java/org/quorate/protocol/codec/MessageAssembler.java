package org.quorate.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.quorate.protocol.MessageType;
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
 * Picks the options that belong to a message type out of the generic {@link DecodedOptions}.
 * Options that do not belong to the type are dropped, as the C handlers ignore them.
 */
final class MessageAssembler {
    private MessageAssembler() {
    }

    /** {@code body} is the raw body the options came from; only ECHO messages keep it. */
    static QnetMessage assemble(MessageType type, DecodedOptions o, ByteBuf body) {
        return switch (type) {
            case PREINIT -> new Preinit(o.seq, o.clusterName);
            case PREINIT_REPLY -> new PreinitReply(o.seq, o.tlsSupported, o.tlsClientCertRequired);
            case STARTTLS -> new StartTls(o.seq);
            case INIT -> new Init(o.seq, o.supportedMessages, o.supportedOptions, o.nodeId,
                    o.decisionAlgorithm, o.heartbeatInterval, o.tieBreaker, o.ringId);
            case INIT_REPLY -> new InitReply(o.replyErrorCode, o.supportedMessages, o.supportedOptions,
                    o.seq, o.serverMaximumRequestSize, o.serverMaximumReplySize,
                    o.supportedDecisionAlgorithms);
            case SERVER_ERROR -> new ServerError(o.seq, o.replyErrorCode);
            case SET_OPTION -> new SetOption(o.seq, o.heartbeatInterval, o.keepActivePartitionTieBreaker);
            case SET_OPTION_REPLY -> new SetOptionReply(o.seq, o.heartbeatInterval,
                    o.keepActivePartitionTieBreaker);
            case ECHO_REQUEST -> new EchoRequest(o.seq, rawCopy(body));
            case ECHO_REPLY -> new EchoReply(o.seq, rawCopy(body));
            case NODE_LIST -> new NodeList(o.seq, o.nodeListType, o.ringId, o.configVersion, o.quorate,
                    o.nodes, o.heuristics);
            case NODE_LIST_REPLY -> new NodeListReply(o.seq, o.nodeListType, o.ringId, o.vote);
            case ASK_FOR_VOTE -> new AskForVote(o.seq);
            case ASK_FOR_VOTE_REPLY -> new AskForVoteReply(o.seq, o.vote, o.ringId);
            case VOTE_INFO -> new VoteInfo(o.seq, o.vote, o.ringId);
            case VOTE_INFO_REPLY -> new VoteInfoReply(o.seq);
            case HEURISTICS_CHANGE -> new HeuristicsChange(o.seq, o.heuristics);
            case HEURISTICS_CHANGE_REPLY -> new HeuristicsChangeReply(o.seq, o.vote, o.ringId,
                    o.heuristics);
        };
    }

    private static WireBytes rawCopy(ByteBuf body) {
        return WireBytes.of(ByteBufUtil.getBytes(body, body.readerIndex(), body.readableBytes()));
    }
}
