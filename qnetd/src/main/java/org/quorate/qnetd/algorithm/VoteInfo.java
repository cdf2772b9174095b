package org.quorate.qnetd.algorithm;

import java.util.Objects;

import org.quorate.cluster.RingId;
import org.quorate.protocol.Vote;

/**
 * A VOTE_INFO message an algorithm wants pushed to {@code target}: sequence number (already taken
 * from the right per-client counter, spec §3.3), vote and ring id, exactly as they go on the wire.
 * The vote has already been recorded as the target's last sent vote.
 */
public record VoteInfo(ClientState target, long seq, Vote vote, RingId ringId) {
    public VoteInfo {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(vote, "vote");
        Objects.requireNonNull(ringId, "ringId");
    }

    @Override
    public String toString() {
        return "VoteInfo[node " + target.nodeId() + ", seq " + seq + ", " + vote + ", ring " + ringId + "]";
    }
}
