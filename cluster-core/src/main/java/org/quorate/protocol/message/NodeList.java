package org.quorate.protocol.message;

import java.util.List;
import org.quorate.cluster.RingId;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.MessageType;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;

/**
 * NODE_LIST (10), client to server. {@code nodes} is never null (no NODE_INFO = empty list) and
 * keeps duplicates as sent. {@code heuristics} null means "not reported" (the C client omits
 * UNDEFINED); {@code configVersion} is an unsigned u64 held in a long.
 */
public record NodeList(Long seq, NodeListType nodeListType, RingId ringId, Long configVersion,
        Boolean quorate, List<NodeInfo> nodes, HeuristicsResult heuristics) implements QnetMessage {
    public NodeList {
        Unsigned.u32(seq, "seq");
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        Votes.checkWire(heuristics);
    }

    @Override
    public MessageType type() {
        return MessageType.NODE_LIST;
    }
}
