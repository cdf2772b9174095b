package org.quorate.protocol.message;

import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.Vote;

/**
 * Rejects the internal-only "undefined" values at construction time: the C decoder refuses them,
 * so a message holding one could be sent but never received.
 */
final class Votes {
    private Votes() {
    }

    static void checkWire(Vote vote) {
        if (vote == Vote.UNDEFINED) {
            throw new IllegalArgumentException("Vote.UNDEFINED never travels on the wire");
        }
    }

    static void checkWire(HeuristicsResult heuristics) {
        if (heuristics == HeuristicsResult.UNDEFINED) {
            throw new IllegalArgumentException("HeuristicsResult.UNDEFINED never travels on the wire; use null");
        }
    }
}
