package org.quorate.protocol.codec;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TieBreakerMode;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;
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
 * Arbitrary valid messages of all 18 types. The seq is always present so that every message
 * has at least one TLV (an empty body is undecodable by design); every other option may be absent.
 * jqwik adds the edge cases (0, u32/u64 maximum, empty lists) by itself.
 */
final class MessageArbitraries {
    private MessageArbitraries() {
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<Long> optU32() {
        return u32().injectNull(0.2);
    }

    static Arbitrary<Integer> optU16() {
        return Arbitraries.integers().between(0, 0xFFFF).injectNull(0.2);
    }

    static Arbitrary<List<Integer>> optU16List() {
        return Arbitraries.integers().between(0, 0xFFFF).list().ofMaxSize(40).injectNull(0.2);
    }

    static <E extends Enum<E>> Arbitrary<E> optEnum(Class<E> type, E excluded) {
        return Arbitraries.of(type).filter(e -> e != excluded).injectNull(0.2);
    }

    static Arbitrary<RingId> optRingId() {
        return Combinators.combine(u32(), Arbitraries.longs()).as(RingId::new).injectNull(0.2);
    }

    static Arbitrary<TieBreaker> optTieBreaker() {
        return Combinators.combine(Arbitraries.of(TieBreakerMode.class), u32()).as(TieBreaker::new).injectNull(0.2);
    }

    static Arbitrary<Boolean> optFlag() {
        return Arbitraries.of(true, false).injectNull(0.2);
    }

    static Arbitrary<NodeInfo> nodeInfo() {
        return Combinators.combine(Arbitraries.longs().between(1, 0xFFFF_FFFFL), u32(), Arbitraries.of(NodeState.class))
                .as(NodeInfo::new);
    }

    static Arbitrary<QnetMessage> anyMessage() {
        Arbitrary<Long> seq = u32();
        Arbitrary<Vote> vote = optEnum(Vote.class, Vote.UNDEFINED);
        Arbitrary<HeuristicsResult> heuristics = optEnum(HeuristicsResult.class, HeuristicsResult.UNDEFINED);
        Arbitrary<ClusterName> clusterName = Arbitraries.bytes().array(byte[].class).ofMaxSize(300)
                .map(ClusterName::ofBytes).injectNull(0.2);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(seq, clusterName).as(Preinit::new),
                Combinators.combine(seq, optEnum(TlsSupported.class, null),
                        Arbitraries.integers().between(0, 255).injectNull(0.2)).as(PreinitReply::new),
                seq.map(StartTls::new),
                Combinators.combine(seq, optU16List(), optU16List(), optU32(), optU16(), optU32(),
                        optTieBreaker(), optRingId()).as(Init::new),
                Combinators.combine(optU16(), optU16List(), optU16List(), seq, optU32(), optU32(),
                        optU16List()).as(InitReply::new),
                Combinators.combine(seq, optU16()).as(ServerError::new),
                Combinators.combine(seq, optU32(), optFlag()).as(SetOption::new),
                Combinators.combine(seq, optU32(), optFlag()).as(SetOptionReply::new),
                seq.map(s -> new EchoRequest(s, null)),
                seq.map(s -> new EchoReply(s, null)),
                Combinators.combine(seq, optEnum(NodeListType.class, null), optRingId(),
                        Arbitraries.longs().injectNull(0.2), optFlag(), nodeInfo().list().ofMaxSize(20),
                        heuristics).as(NodeList::new),
                Combinators.combine(seq, optEnum(NodeListType.class, null), optRingId(), vote)
                        .as(NodeListReply::new),
                seq.map(AskForVote::new),
                Combinators.combine(seq, vote, optRingId()).as(AskForVoteReply::new),
                Combinators.combine(seq, vote, optRingId()).as(VoteInfo::new),
                seq.map(VoteInfoReply::new),
                Combinators.combine(seq, heuristics).as(HeuristicsChange::new),
                Combinators.combine(seq, vote, optRingId(), heuristics).as(HeuristicsChangeReply::new)));
    }
}
