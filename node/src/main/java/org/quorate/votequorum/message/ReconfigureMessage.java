package org.quorate.votequorum.message;

import java.util.Objects;
import org.quorate.cluster.NodeIds;

/** RECONFIGURE: a runtime change of expected votes, of one node's votes, or the cancel of wait_for_all. */
public record ReconfigureMessage(long nodeId, long value, ReconfigureParam param) implements VqMessage {
    public ReconfigureMessage {
        NodeIds.check(nodeId);
        Wire.checkU32("value", value);
        Objects.requireNonNull(param, "param");
    }

    @Override
    public MessageType type() {
        return MessageType.RECONFIGURE;
    }
}
