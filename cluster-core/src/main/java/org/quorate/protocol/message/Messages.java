package org.quorate.protocol.message;

import java.util.List;
import java.util.stream.IntStream;
import org.quorate.cluster.RingId;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;

/**
 * Factories for messages as the reference daemons build them (every required option present).
 * The record constructors stay available for the unusual shapes tests and decoders need.
 */
public final class Messages {
    /** Every message type code 0..17, which both C daemons advertise. */
    public static final List<Integer> ALL_MESSAGE_TYPES = IntStream.range(0, 18).boxed().toList();
    /** Every option code 0..23, which both C daemons advertise. */
    public static final List<Integer> ALL_OPTIONS = IntStream.range(0, 24).boxed().toList();
    /** The algorithms a reference server advertises: 0..3. */
    public static final List<Integer> ALL_ALGORITHMS = List.of(0, 1, 2, 3);

    private Messages() {
    }

    public static Preinit preinit(long seq, String clusterName) {
        return new Preinit(seq, ClusterName.of(clusterName));
    }

    /** The server echoes the request's seq only if it had one, hence the nullable {@code seq}. */
    public static PreinitReply preinitReply(Long seq, TlsSupported tls, boolean clientCertRequired) {
        return new PreinitReply(seq, tls, clientCertRequired ? 1 : 0);
    }

    public static StartTls startTls(long seq) {
        return new StartTls(seq);
    }

    /** INIT as the reference client sends it: all message types and options listed. */
    public static Init init(long seq, long nodeId, DecisionAlgorithm algorithm, long heartbeatMs,
            TieBreaker tieBreaker, RingId ringId) {
        return new Init(seq, ALL_MESSAGE_TYPES, ALL_OPTIONS, nodeId, algorithm.code(), heartbeatMs,
                tieBreaker, ringId);
    }

    /**
     * INIT_REPLY as the reference server sends it; {@code echoLists} is true when the INIT carried
     * the supported lists (the server then lists its own).
     */
    public static InitReply initReply(Long seq, ReplyErrorCode error, boolean echoMessages,
            boolean echoOptions, long maxRequestSize, long maxReplySize) {
        return new InitReply(error.code(), echoMessages ? ALL_MESSAGE_TYPES : null,
                echoOptions ? ALL_OPTIONS : null, seq, maxRequestSize, maxReplySize, ALL_ALGORITHMS);
    }

    public static ServerError serverError(Long seq, ReplyErrorCode error) {
        return new ServerError(seq, error.code());
    }

    public static SetOption setOption(long seq, Long heartbeatMs, Boolean keepActivePartitionTieBreaker) {
        return new SetOption(seq, heartbeatMs, keepActivePartitionTieBreaker);
    }

    public static SetOptionReply setOptionReply(Long seq, Long heartbeatMs,
            Boolean keepActivePartitionTieBreaker) {
        return new SetOptionReply(seq, heartbeatMs, keepActivePartitionTieBreaker);
    }

    public static EchoRequest echoRequest(long seq) {
        return new EchoRequest(seq, null);
    }

    /** The reply to {@code request}: the same bytes, so a decoded request is copied verbatim. */
    public static EchoReply echoReply(EchoRequest request) {
        return new EchoReply(request.seq(), request.body());
    }

    public static NodeList nodeList(long seq, NodeListType type, RingId ringId, Long configVersion,
            Boolean quorate, List<NodeInfo> nodes, HeuristicsResult heuristics) {
        return new NodeList(seq, type, ringId, configVersion, quorate, nodes,
                heuristics == HeuristicsResult.UNDEFINED ? null : heuristics);
    }

    public static NodeListReply nodeListReply(Long seq, NodeListType type, RingId ringId, Vote vote) {
        return new NodeListReply(seq, type, ringId, vote);
    }

    public static AskForVote askForVote(long seq) {
        return new AskForVote(seq);
    }

    public static AskForVoteReply askForVoteReply(Long seq, Vote vote, RingId ringId) {
        return new AskForVoteReply(seq, vote, ringId);
    }

    public static VoteInfo voteInfo(long seq, Vote vote, RingId ringId) {
        return new VoteInfo(seq, vote, ringId);
    }

    public static VoteInfoReply voteInfoReply(long seq) {
        return new VoteInfoReply(seq);
    }

    public static HeuristicsChange heuristicsChange(long seq, HeuristicsResult heuristics) {
        return new HeuristicsChange(seq, heuristics);
    }

    public static HeuristicsChangeReply heuristicsChangeReply(Long seq, Vote vote, RingId ringId,
            HeuristicsResult heuristics) {
        return new HeuristicsChangeReply(seq, vote, ringId, heuristics);
    }
}
