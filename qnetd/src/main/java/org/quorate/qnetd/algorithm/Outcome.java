package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.Objects;

import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.Vote;

/**
 * What the server must do after one algorithm event, in this order: queue {@link #voteInfos()}
 * (they precede the reply on the wire, spec §7.3), then answer the request — with SERVER_ERROR
 * {@link #error()} when it is not NO_ERROR, else with {@link #replyVote()} — and apply
 * {@link #timerCommands()} in order.
 *
 * @param error        NO_ERROR, or the code to send in SERVER_ERROR (nothing was stored then)
 * @param replyVote    the vote for the reply message; null for events without a reply
 *                     (VOTE_INFO_REPLY, disconnect, timer) and for errors
 * @param voteInfos    VOTE_INFO messages to push, possibly to other clients of the cluster
 * @param timerCommands algorithm-timer requests
 */
public record Outcome(ReplyErrorCode error, Vote replyVote, List<VoteInfo> voteInfos,
                      List<TimerCommand> timerCommands) {
    public Outcome {
        Objects.requireNonNull(error, "error");
        voteInfos = List.copyOf(voteInfos);
        timerCommands = List.copyOf(timerCommands);
        if (error != ReplyErrorCode.NO_ERROR && replyVote != null) {
            throw new IllegalArgumentException("an error outcome carries no vote");
        }
    }

    static final Outcome NOTHING = new Outcome(ReplyErrorCode.NO_ERROR, null, List.of(), List.of());

    static Outcome reply(Vote vote) {
        return new Outcome(ReplyErrorCode.NO_ERROR, Objects.requireNonNull(vote), List.of(), List.of());
    }

    static Outcome error(ReplyErrorCode error) {
        return new Outcome(error, null, List.of(), List.of());
    }

    public boolean isError() {
        return error != ReplyErrorCode.NO_ERROR;
    }
}
