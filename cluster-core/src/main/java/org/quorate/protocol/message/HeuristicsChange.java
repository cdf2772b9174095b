package org.quorate.protocol.message;

import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.MessageType;

/** HEURISTICS_CHANGE (16), client to server: a new heuristics result (PASS or FAIL). */
public record HeuristicsChange(Long seq, HeuristicsResult heuristics) implements QnetMessage {
    public HeuristicsChange {
        Unsigned.u32(seq, "seq");
        Votes.checkWire(heuristics);
    }

    @Override
    public MessageType type() {
        return MessageType.HEURISTICS_CHANGE;
    }
}
