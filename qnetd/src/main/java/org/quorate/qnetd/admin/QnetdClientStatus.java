package org.quorate.qnetd.admin;

import java.util.List;
import java.util.Objects;
import org.quorate.cluster.NodeIds;
import org.quorate.cluster.RingId;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

/**
 * One client (node) of a cluster with everything {@code corosync-qnetd-tool -l -v} prints
 * (spec §12.3). Use {@link #builder(long)}; unset fields take the values a freshly initialised
 * client has.
 *
 * @param nodeId                        the client's node id
 * @param address                       {@code <address>:<port>} as the C server prints it, see {@link ClientAddressFormat}
 * @param heartbeatIntervalMs           the heartbeat interval the client asked for
 * @param configVersion                 the config version of the last config node list (unsigned 64 bit), or null if none was sent
 * @param configNodeList                last configuration node list (may be empty)
 * @param ringId                        ring id of the last membership node list
 * @param membershipNodeList            last membership node list (may be empty)
 * @param heuristics                    last combined heuristics result
 * @param membershipHeuristics          heuristics reported with the last membership list
 * @param regularHeuristics             heuristics reported by the last HEURISTICS_CHANGE
 * @param tlsActive                     the connection runs TLS
 * @param clientCertificateVerified     the client certificate was checked against the cluster name
 * @param lastVote                      the last vote sent, {@link Vote#UNDEFINED} if none was ever sent
 * @param lastAckNackVote               the last ACK or NACK sent, {@link Vote#UNDEFINED} if none
 * @param algorithm                     decision algorithm from INIT
 * @param tieBreaker                    tie-breaker from INIT
 * @param keepActivePartitionTieBreaker the keep-active-partition flag in effect for this client
 */
public record QnetdClientStatus(long nodeId, String address, long heartbeatIntervalMs, Long configVersion,
                                List<NodeInfo> configNodeList, RingId ringId, List<NodeInfo> membershipNodeList,
                                HeuristicsResult heuristics, HeuristicsResult membershipHeuristics,
                                HeuristicsResult regularHeuristics, boolean tlsActive,
                                boolean clientCertificateVerified, Vote lastVote, Vote lastAckNackVote,
                                DecisionAlgorithm algorithm, TieBreaker tieBreaker,
                                boolean keepActivePartitionTieBreaker) {
    public QnetdClientStatus {
        NodeIds.check(nodeId);
        Objects.requireNonNull(address, "address");
        configNodeList = List.copyOf(configNodeList);
        membershipNodeList = List.copyOf(membershipNodeList);
        Objects.requireNonNull(ringId, "ringId");
        Objects.requireNonNull(heuristics, "heuristics");
        Objects.requireNonNull(membershipHeuristics, "membershipHeuristics");
        Objects.requireNonNull(regularHeuristics, "regularHeuristics");
        Objects.requireNonNull(lastVote, "lastVote");
        Objects.requireNonNull(lastAckNackVote, "lastAckNackVote");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(tieBreaker, "tieBreaker");
    }

    public static Builder builder(long nodeId) {
        return new Builder(nodeId);
    }

    /** Collects a client's fields; defaults are those of a client that just completed INIT. */
    public static final class Builder {
        private final long nodeId;
        private String address = "";
        private long heartbeatIntervalMs;
        private Long configVersion;
        private List<NodeInfo> configNodeList = List.of();
        private RingId ringId = RingId.ZERO;
        private List<NodeInfo> membershipNodeList = List.of();
        private HeuristicsResult heuristics = HeuristicsResult.UNDEFINED;
        private HeuristicsResult membershipHeuristics = HeuristicsResult.UNDEFINED;
        private HeuristicsResult regularHeuristics = HeuristicsResult.UNDEFINED;
        private boolean tlsActive;
        private boolean clientCertificateVerified;
        private Vote lastVote = Vote.UNDEFINED;
        private Vote lastAckNackVote = Vote.UNDEFINED;
        private DecisionAlgorithm algorithm = DecisionAlgorithm.FFSPLIT;
        private TieBreaker tieBreaker = TieBreaker.LOWEST;
        private boolean keepActivePartitionTieBreaker;

        private Builder(long nodeId) {
            this.nodeId = nodeId;
        }

        public Builder address(String value) {
            address = value;
            return this;
        }

        public Builder heartbeatIntervalMs(long value) {
            heartbeatIntervalMs = value;
            return this;
        }

        public Builder configVersion(Long value) {
            configVersion = value;
            return this;
        }

        public Builder configNodeList(List<NodeInfo> value) {
            configNodeList = value;
            return this;
        }

        public Builder ringId(RingId value) {
            ringId = value;
            return this;
        }

        public Builder membershipNodeList(List<NodeInfo> value) {
            membershipNodeList = value;
            return this;
        }

        public Builder heuristics(HeuristicsResult last, HeuristicsResult membership, HeuristicsResult regular) {
            heuristics = last;
            membershipHeuristics = membership;
            regularHeuristics = regular;
            return this;
        }

        public Builder tls(boolean active, boolean certificateVerified) {
            tlsActive = active;
            clientCertificateVerified = certificateVerified;
            return this;
        }

        public Builder votes(Vote last, Vote lastAckNack) {
            lastVote = last;
            lastAckNackVote = lastAckNack;
            return this;
        }

        public Builder algorithm(DecisionAlgorithm value) {
            algorithm = value;
            return this;
        }

        public Builder tieBreaker(TieBreaker value) {
            tieBreaker = value;
            return this;
        }

        public Builder keepActivePartitionTieBreaker(boolean value) {
            keepActivePartitionTieBreaker = value;
            return this;
        }

        public QnetdClientStatus build() {
            return new QnetdClientStatus(nodeId, address, heartbeatIntervalMs, configVersion, configNodeList,
                    ringId, membershipNodeList, heuristics, membershipHeuristics, regularHeuristics, tlsActive,
                    clientCertificateVerified, lastVote, lastAckNackVote, algorithm, tieBreaker,
                    keepActivePartitionTieBreaker);
        }
    }
}
