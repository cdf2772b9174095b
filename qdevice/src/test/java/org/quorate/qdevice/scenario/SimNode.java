package org.quorate.qdevice.scenario;

import org.quorate.protocol.Vote;
import org.quorate.qdevice.net.CastVoteTimer;
import org.quorate.qdevice.net.NetClient;
import org.quorate.qdevice.net.NodeView;

/** One simulated cluster node: its qdevice net client and what it casts into "votequorum". */
public final class SimNode {
    final long nodeId;
    final NodeFaults faults = new NodeFaults();
    NetClient client;
    NodeView view;
    CastVoteTimer castVote;
    volatile Vote lastPolled;   // what the last votequorum poll carried: ACK (cast) or NACK (alive, no vote)

    SimNode(long nodeId) {
        this.nodeId = nodeId;
    }

    public long nodeId() {
        return nodeId;
    }

    @Override
    public String toString() {
        return "node " + nodeId;
    }
}
