package org.quorate.protocol.message;

import org.quorate.protocol.ClusterName;
import org.quorate.protocol.MessageType;

/** PREINIT (0), client to server: the first message; names the cluster. */
public record Preinit(Long seq, ClusterName clusterName) implements QnetMessage {
    public Preinit {
        Unsigned.u32(seq, "seq");
    }

    @Override
    public MessageType type() {
        return MessageType.PREINIT;
    }
}
