package org.quorate.qdevice.net;

import org.quorate.cluster.RingId;
import org.quorate.protocol.message.AskForVoteReply;
import org.quorate.protocol.message.HeuristicsChangeReply;
import org.quorate.protocol.message.NodeListReply;
import org.quorate.protocol.message.QnetMessage;

/** The vote-carrying fields that every reply type shares. */
final class VoteReplies {
    record Vote(Long seq, org.quorate.protocol.Vote vote, RingId ringId) {
    }

    private VoteReplies() {
    }

    static Vote of(QnetMessage reply) {
        if (reply instanceof NodeListReply r) {
            return new Vote(r.seq(), r.vote(), r.ringId());
        }
        if (reply instanceof AskForVoteReply r) {
            return new Vote(r.seq(), r.vote(), r.ringId());
        }
        if (reply instanceof HeuristicsChangeReply r) {
            return new Vote(r.seq(), r.vote(), r.ringId());
        }
        throw new IllegalArgumentException("not a vote reply: " + reply.type());
    }
}
