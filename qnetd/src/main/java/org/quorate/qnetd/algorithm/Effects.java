package org.quorate.qnetd.algorithm;

import java.util.ArrayList;
import java.util.List;

import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.Vote;

/** Collects the side effects of one algorithm event and turns them into an {@link Outcome}. */
final class Effects {
    private final List<VoteInfo> voteInfos = new ArrayList<>();
    private final List<TimerCommand> timerCommands = new ArrayList<>();

    void voteInfo(VoteInfo voteInfo) {
        voteInfos.add(voteInfo);
    }

    void timer(TimerCommand command) {
        timerCommands.add(command);
    }

    int voteInfoCount() {
        return voteInfos.size();
    }

    Outcome reply(Vote vote) {
        return new Outcome(ReplyErrorCode.NO_ERROR, vote, voteInfos, timerCommands);
    }

    Outcome noReply() {
        return new Outcome(ReplyErrorCode.NO_ERROR, null, voteInfos, timerCommands);
    }
}
