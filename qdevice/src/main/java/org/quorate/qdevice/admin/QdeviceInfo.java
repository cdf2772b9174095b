package org.quorate.qdevice.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.RingId;
import org.quorate.protocol.NodeInfo;

/**
 * The "Qdevice information" block (spec §12.4).
 *
 * @param model                   the model name, "Net"
 * @param nodeId                  this node's id
 * @param heartbeatIntervalMs     {@code quorum.device.timeout}
 * @param syncHeartbeatIntervalMs {@code quorum.device.sync_timeout}
 * @param configVersion           {@code totem.config_version} (unsigned 64 bit) or null when unknown
 * @param configNodeList          the configured nodes in cmap order
 * @param heuristicsMode          {@code quorum.device.heuristics.mode}
 * @param ringId                  ring id of the last votequorum node list
 * @param membershipNodeIds       node ids of the last votequorum node list, in votequorum's order
 * @param quorate                 the last quorum notification said quorate
 * @param quorumNodeList          votequorum's node array from the last quorum notification
 * @param expectedVotes           expected votes from the last quorum notification
 * @param lastPollCall            time of the last votequorum poll, null if never
 * @param lastPollCastVote        that poll cast the qdevice vote
 */
public record QdeviceInfo(String model, long nodeId, long heartbeatIntervalMs, long syncHeartbeatIntervalMs,
                          Long configVersion, List<NodeInfo> configNodeList, QdeviceHeuristicsMode heuristicsMode,
                          RingId ringId, List<Long> membershipNodeIds, boolean quorate,
                          List<VotequorumNode> quorumNodeList, long expectedVotes, Instant lastPollCall,
                          boolean lastPollCastVote) {
    public QdeviceInfo {
        Objects.requireNonNull(model, "model");
        NodeIds.check(nodeId);
        configNodeList = List.copyOf(configNodeList);
        Objects.requireNonNull(heuristicsMode, "heuristicsMode");
        Objects.requireNonNull(ringId, "ringId");
        membershipNodeIds = List.copyOf(membershipNodeIds);
        quorumNodeList = List.copyOf(quorumNodeList);
    }

    public static Builder builder(long nodeId) {
        return new Builder(nodeId);
    }

    /** Collects the fields; defaults match a daemon before its first votequorum notification. */
    public static final class Builder {
        private final long nodeId;
        private String model = "Net";
        private long heartbeatIntervalMs = 10000;
        private long syncHeartbeatIntervalMs = 30000;
        private Long configVersion;
        private List<NodeInfo> configNodeList = List.of();
        private QdeviceHeuristicsMode heuristicsMode = QdeviceHeuristicsMode.DISABLED;
        private RingId ringId = RingId.ZERO;
        private List<Long> membershipNodeIds = List.of();
        private boolean quorate;
        private List<VotequorumNode> quorumNodeList = List.of();
        private long expectedVotes;
        private Instant lastPollCall;
        private boolean lastPollCastVote;

        private Builder(long nodeId) {
            this.nodeId = nodeId;
        }

        public Builder model(String v) { model = v; return this; }
        public Builder intervals(long heartbeatMs, long syncHeartbeatMs) {
            heartbeatIntervalMs = heartbeatMs;
            syncHeartbeatIntervalMs = syncHeartbeatMs;
            return this;
        }
        public Builder configVersion(Long v) { configVersion = v; return this; }
        public Builder configNodeList(List<NodeInfo> v) { configNodeList = v; return this; }
        public Builder heuristicsMode(QdeviceHeuristicsMode v) { heuristicsMode = v; return this; }
        public Builder ringId(RingId v) { ringId = v; return this; }
        public Builder membershipNodeIds(List<Long> v) { membershipNodeIds = v; return this; }
        public Builder quorate(boolean v) { quorate = v; return this; }
        public Builder quorumNodeList(List<VotequorumNode> v) { quorumNodeList = v; return this; }
        public Builder expectedVotes(long v) { expectedVotes = v; return this; }
        public Builder lastPoll(Instant when, boolean castVote) {
            lastPollCall = when;
            lastPollCastVote = castVote;
            return this;
        }

        public QdeviceInfo build() {
            return new QdeviceInfo(model, nodeId, heartbeatIntervalMs, syncHeartbeatIntervalMs, configVersion,
                    configNodeList, heuristicsMode, ringId, membershipNodeIds, quorate, quorumNodeList,
                    expectedVotes, lastPollCall, lastPollCastVote);
        }
    }
}
