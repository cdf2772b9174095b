package org.quorate.protocol.message;

import java.util.List;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.TieBreaker;

/**
 * INIT (3), client to server. The supported lists hold raw u16 codes (a newer peer may list codes
 * we do not know); {@code decisionAlgorithm} is the raw u16 because the C decoder accepts any
 * value and the server answers an unknown one with UNSUPPORTED_DECISION_ALGORITHM.
 */
public record Init(Long seq, List<Integer> supportedMessages, List<Integer> supportedOptions,
        Long nodeId, Integer decisionAlgorithm, Long heartbeatInterval, TieBreaker tieBreaker,
        RingId ringId) implements QnetMessage {
    public Init {
        Unsigned.u32(seq, "seq");
        supportedMessages = Unsigned.u16List(supportedMessages, "supportedMessages");
        supportedOptions = Unsigned.u16List(supportedOptions, "supportedOptions");
        Unsigned.u32(nodeId, "nodeId");
        Unsigned.u16(decisionAlgorithm, "decisionAlgorithm");
        Unsigned.u32(heartbeatInterval, "heartbeatInterval");
    }

    @Override
    public MessageType type() {
        return MessageType.INIT;
    }

    /** The known algorithm, or null when absent or not one of 0..3. */
    public DecisionAlgorithm algorithm() {
        return decisionAlgorithm == null ? null : DecisionAlgorithm.fromCode(decisionAlgorithm);
    }
}
