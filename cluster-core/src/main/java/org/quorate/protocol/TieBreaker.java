package org.quorate.protocol;

import java.util.Objects;
import org.quorate.cluster.NodeIds;

/**
 * A tie-breaker setting: a mode and, for {@link TieBreakerMode#NODE_ID} only, a node id. For the
 * other modes the node id is always 0, as the C encoder writes and the C decoder reads it.
 */
public record TieBreaker(TieBreakerMode mode, long nodeId) {
    public static final TieBreaker LOWEST = new TieBreaker(TieBreakerMode.LOWEST, 0);
    public static final TieBreaker HIGHEST = new TieBreaker(TieBreakerMode.HIGHEST, 0);

    public TieBreaker {
        Objects.requireNonNull(mode, "mode");
        NodeIds.check(nodeId);
        if (mode != TieBreakerMode.NODE_ID) {
            nodeId = 0;
        }
    }

    public static TieBreaker nodeId(long nodeId) {
        return new TieBreaker(TieBreakerMode.NODE_ID, nodeId);
    }

    /** The text the status tools print. */
    public String displayText() {
        return switch (mode) {
            case LOWEST -> "Node with lowest node ID";
            case HIGHEST -> "Node with highest node ID";
            case NODE_ID -> "Node with node ID " + nodeId;
        };
    }
}
