package org.quorate.qnetd.algorithm;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.quorate.cluster.NodeIds;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

/**
 * What the server knows about one initialised client of a cluster (spec §5), plus the private
 * per-client state of the algorithms. Lists and votes are written by {@link ClusterArbiter} only
 * after the algorithm accepted a message, so algorithms always see the previous values here and
 * the new ones as arguments. Not thread-safe: the caller serialises events per cluster.
 */
public final class ClientState {
    private static final long U32_MASK = 0xFFFF_FFFFL;

    private final long nodeId;
    private final DecisionAlgorithm algorithm;
    private final TieBreaker tieBreaker;
    private boolean keepActivePartition;

    private List<NodeInfo> configNodes = List.of();
    private OptionalLong configVersion = OptionalLong.empty();
    private List<NodeInfo> membershipNodes = List.of();
    private RingId ringId;
    private List<NodeInfo> quorumNodes = List.of();
    private boolean quorate;
    private HeuristicsResult membershipHeuristics = HeuristicsResult.UNDEFINED;
    private HeuristicsResult regularHeuristics = HeuristicsResult.UNDEFINED;
    private HeuristicsResult lastHeuristics = HeuristicsResult.UNDEFINED;

    private Vote lastSentVote;
    private Vote lastSentAckNackVote;
    private long timerVoteSeq;

    // ffsplit private state (spec §7.3)
    private FfsplitClientPhase ffsplitPhase = FfsplitClientPhase.WAITING_FOR_CHANGE;
    private long ffsplitVoteSeq;

    // lms / 2nodelms private state: null = never voted ("last_result == 0" in the spec)
    private Vote lastResult;

    /**
     * @param nodeId              node id from INIT (u32)
     * @param algorithm           decision algorithm from INIT
     * @param tieBreaker          tie-breaker from INIT
     * @param keepActivePartition server default of the KAP flag at INIT (SET_OPTION may change it)
     * @param ringId              ring id from INIT
     */
    public ClientState(long nodeId, DecisionAlgorithm algorithm, TieBreaker tieBreaker,
                       boolean keepActivePartition, RingId ringId) {
        this.nodeId = NodeIds.check(nodeId);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.tieBreaker = Objects.requireNonNull(tieBreaker, "tieBreaker");
        this.keepActivePartition = keepActivePartition;
        this.ringId = Objects.requireNonNull(ringId, "ringId");
    }

    public long nodeId() {
        return nodeId;
    }

    public DecisionAlgorithm algorithm() {
        return algorithm;
    }

    public TieBreaker tieBreaker() {
        return tieBreaker;
    }

    public boolean keepActivePartition() {
        return keepActivePartition;
    }

    /** SET_OPTION with KEEP_ACTIVE_PARTITION_TIE_BREAKER; it does not re-run any algorithm. */
    public void keepActivePartition(boolean enabled) {
        this.keepActivePartition = enabled;
    }

    /** The last accepted INITIAL/CHANGED_CONFIG list; empty before the first one. */
    public List<NodeInfo> configNodes() {
        return configNodes;
    }

    public OptionalLong configVersion() {
        return configVersion;
    }

    /** The last accepted MEMBERSHIP list; empty before the first one. */
    public List<NodeInfo> membershipNodes() {
        return membershipNodes;
    }

    /** Ring id from INIT, then from every accepted MEMBERSHIP list. */
    public RingId ringId() {
        return ringId;
    }

    public List<NodeInfo> quorumNodes() {
        return quorumNodes;
    }

    /** Quorate flag of the last accepted QUORUM list (the C server drops it; kept for diagnostics). */
    public boolean quorate() {
        return quorate;
    }

    public HeuristicsResult membershipHeuristics() {
        return membershipHeuristics;
    }

    public HeuristicsResult regularHeuristics() {
        return regularHeuristics;
    }

    /** Whichever of membership / regular heuristics arrived last; this is what scores use. */
    public HeuristicsResult lastHeuristics() {
        return lastHeuristics;
    }

    /** The last vote sent in any reply or VOTE_INFO, or null if none was ever sent. */
    public Vote lastSentVote() {
        return lastSentVote;
    }

    /** The last ACK or NACK sent, or null if none was ever sent. */
    public Vote lastSentAckNackVote() {
        return lastSentAckNackVote;
    }

    /**
     * The value of the {@code Vote:} line of {@code corosync-qnetd-tool -l}, e.g.
     * {@code "No change (ACK)"}, or null when the line is omitted (no vote sent yet).
     */
    public String voteStatusText() {
        if (lastSentVote == null) {
            return null;
        }
        return lastSentAckNackVote == null
                ? lastSentVote.displayName()
                : lastSentVote.displayName() + " (" + lastSentAckNackVote.displayName() + ")";
    }

    @Override
    public String toString() {
        return "Client[node " + nodeId + ", " + algorithm.configName() + ", ring " + ringId + "]";
    }

    // ---- written by ClusterArbiter after the algorithm accepted a message ----

    void storeConfig(List<NodeInfo> nodes, OptionalLong version) {
        this.configNodes = List.copyOf(nodes);
        // A list without CONFIG_VERSION clears the stored version (the tool then omits the line).
        this.configVersion = version;
    }

    void storeMembership(RingId ring, List<NodeInfo> nodes, HeuristicsResult heuristics) {
        this.ringId = ring;
        this.membershipNodes = List.copyOf(nodes);
        this.membershipHeuristics = heuristics;
        this.lastHeuristics = heuristics;
    }

    void storeQuorum(boolean quorate, List<NodeInfo> nodes) {
        this.quorate = quorate;
        this.quorumNodes = List.copyOf(nodes);
    }

    void storeRegularHeuristics(HeuristicsResult heuristics) {
        this.regularHeuristics = heuristics;
        this.lastHeuristics = heuristics;
    }

    void recordSentVote(Vote vote) {
        lastSentVote = vote;
        if (vote == Vote.ACK || vote == Vote.NACK) {
            lastSentAckNackVote = vote;
        }
    }

    /** Sequence number for the next VOTE_INFO produced by the algorithm timer (u32, first = 1). */
    long nextTimerVoteSeq() {
        timerVoteSeq = (timerVoteSeq + 1) & U32_MASK;
        return timerVoteSeq;
    }

    // ---- algorithm private state ----

    FfsplitClientPhase ffsplitPhase() {
        return ffsplitPhase;
    }

    void ffsplitPhase(FfsplitClientPhase phase) {
        this.ffsplitPhase = phase;
    }

    /** Sequence number of the last ffsplit VOTE_INFO; the only VOTE_INFO_REPLY seq that counts. */
    long ffsplitVoteSeq() {
        return ffsplitVoteSeq;
    }

    long nextFfsplitVoteSeq() {
        ffsplitVoteSeq = (ffsplitVoteSeq + 1) & U32_MASK;
        return ffsplitVoteSeq;
    }

    Vote lastResult() {
        return lastResult;
    }

    Vote lastResult(Vote vote) {
        this.lastResult = vote;
        return vote;
    }
}
