package org.quorate.qdevice.net;

import org.quorate.cluster.RingId;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.NodeStatus;
import org.quorate.qdevice.backend.QuorumNotification;

import java.util.List;

/**
 * What this node last heard from votequorum: the ring and its members, the quorum state, and the
 * latest heuristics result. The net client reports it to qnetd; the status output prints it.
 */
public final class NodeView {
    private RingId ringId;
    private List<Long> memberIds;
    private boolean quorate;
    private List<NodeStatus> quorumNodes = List.of();
    private int expectedVotes;
    private boolean syncInProgress;
    private HeuristicsResult lastHeuristics = HeuristicsResult.UNDEFINED;

    public NodeView(NodeListNotification first) {
        membership(first);
    }

    public void membership(NodeListNotification n) {
        ringId = n.ringId();
        memberIds = n.memberIds();
        syncInProgress = true;
    }

    public void quorum(QuorumNotification n) {
        quorate = n.quorate();
        quorumNodes = n.nodes();
        syncInProgress = false;
    }

    /** Between votequorum's node-list and quorum callbacks corosync is synchronising (heuristics use sync_timeout). */
    public boolean syncInProgress() {
        return syncInProgress;
    }

    public void expectedVotes(int votes) {
        expectedVotes = votes;
    }

    public RingId ringId() {
        return ringId;
    }

    public List<Long> memberIds() {
        return memberIds;
    }

    public boolean quorate() {
        return quorate;
    }

    public List<NodeStatus> quorumNodes() {
        return quorumNodes;
    }

    public int expectedVotes() {
        return expectedVotes;
    }

    public HeuristicsResult lastHeuristics() {
        return lastHeuristics;
    }

    public void lastHeuristics(HeuristicsResult result) {
        lastHeuristics = result;
    }
}
