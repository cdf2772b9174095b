package org.quorate.protocol.message;

import java.util.OptionalLong;
import org.quorate.protocol.MessageType;

/**
 * One QNet message (spec §3). Every record field that maps to a TLV is nullable: {@code null}
 * means the option was absent. The C decoder accepts any combination of options for any type and
 * leaves it to the receiver to check required ones, so a decoded message must be able to say
 * "missing" – and re-encoding a decoded message writes exactly the options that are present, in
 * the order the C encoder uses for that type.
 */
public sealed interface QnetMessage permits Preinit, PreinitReply, StartTls, Init, InitReply,
        ServerError, SetOption, SetOptionReply, EchoRequest, EchoReply, NodeList, NodeListReply,
        AskForVote, AskForVoteReply, VoteInfo, VoteInfoReply, HeuristicsChange,
        HeuristicsChangeReply {

    MessageType type();

    /** TLV MSG_SEQ_NUMBER (u32), or null when the message carried none. */
    Long seq();

    /** The sequence number as an OptionalLong, for callers that prefer it. */
    default OptionalLong seqNumber() {
        Long seq = seq();
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }
}
