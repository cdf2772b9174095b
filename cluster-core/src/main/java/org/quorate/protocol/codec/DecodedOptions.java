package org.quorate.protocol.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.quorate.cluster.NodeState;
import org.quorate.cluster.RingId;
import org.quorate.protocol.ClusterName;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeListType;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;

/**
 * Every TLV option a message body carried, whatever the message type – the same generic structure
 * the C decoder fills (spec §1.3). Each getter returns null when the option was absent. Duplicate
 * rules are the C ones: scalar options keep the last value, the three supported-lists are
 * replaced by their last occurrence, and every NODE_INFO is appended to {@link #nodes()}.
 * Enumerated options are already range-checked; REPLY_ERROR_CODE, DECISION_ALGORITHM and
 * TLS_CLIENT_CERT_REQUIRED stay raw numbers because C does not check them. Filled only by
 * {@link OptionsDecoder}; immutable for everybody else.
 */
public final class DecodedOptions {
    Long seq;
    ClusterName clusterName;
    TlsSupported tlsSupported;
    Integer tlsClientCertRequired;
    List<Integer> supportedMessages;
    List<Integer> supportedOptions;
    Integer replyErrorCode;
    Long serverMaximumRequestSize;
    Long serverMaximumReplySize;
    Long nodeId;
    List<Integer> supportedDecisionAlgorithms;
    Integer decisionAlgorithm;
    Long heartbeatInterval;
    RingId ringId;
    Long configVersion;
    Long dataCenterId;
    NodeState nodeState;
    final List<NodeInfo> nodes = new ArrayList<>();
    NodeListType nodeListType;
    Vote vote;
    Boolean quorate;
    TieBreaker tieBreaker;
    HeuristicsResult heuristics;
    Boolean keepActivePartitionTieBreaker;

    DecodedOptions() {
    }

    /** MSG_SEQ_NUMBER (0). */
    public Long seq() {
        return seq;
    }

    /** CLUSTER_NAME (1). */
    public ClusterName clusterName() {
        return clusterName;
    }

    /** TLS_SUPPORTED (2). */
    public TlsSupported tlsSupported() {
        return tlsSupported;
    }

    /** TLS_CLIENT_CERT_REQUIRED (3), raw u8. */
    public Integer tlsClientCertRequired() {
        return tlsClientCertRequired;
    }

    /** SUPPORTED_MESSAGES (4), raw u16 codes. */
    public List<Integer> supportedMessages() {
        return supportedMessages;
    }

    /** SUPPORTED_OPTIONS (5), raw u16 codes. */
    public List<Integer> supportedOptions() {
        return supportedOptions;
    }

    /** REPLY_ERROR_CODE (6), raw u16. */
    public Integer replyErrorCode() {
        return replyErrorCode;
    }

    /** SERVER_MAXIMUM_REQUEST_SIZE (7). */
    public Long serverMaximumRequestSize() {
        return serverMaximumRequestSize;
    }

    /** SERVER_MAXIMUM_REPLY_SIZE (8). */
    public Long serverMaximumReplySize() {
        return serverMaximumReplySize;
    }

    /** NODE_ID (9). */
    public Long nodeId() {
        return nodeId;
    }

    /** SUPPORTED_DECISION_ALGORITHMS (10), raw u16 codes. */
    public List<Integer> supportedDecisionAlgorithms() {
        return supportedDecisionAlgorithms;
    }

    /** DECISION_ALGORITHM (11), raw u16. */
    public Integer decisionAlgorithm() {
        return decisionAlgorithm;
    }

    /** HEARTBEAT_INTERVAL (12), ms. */
    public Long heartbeatInterval() {
        return heartbeatInterval;
    }

    /** RING_ID (13). */
    public RingId ringId() {
        return ringId;
    }

    /** CONFIG_VERSION (14), unsigned u64 in a long. */
    public Long configVersion() {
        return configVersion;
    }

    /** DATA_CENTER_ID (15) at top level (accepted, used by no handler). */
    public Long dataCenterId() {
        return dataCenterId;
    }

    /** NODE_STATE (16) at top level (accepted, used by no handler). */
    public NodeState nodeState() {
        return nodeState;
    }

    /** Every NODE_INFO (17) in order; never null, empty when there were none. */
    public List<NodeInfo> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** NODE_LIST_TYPE (18). */
    public NodeListType nodeListType() {
        return nodeListType;
    }

    /** VOTE (19). */
    public Vote vote() {
        return vote;
    }

    /** QUORATE (20). */
    public Boolean quorate() {
        return quorate;
    }

    /** TIE_BREAKER (21). */
    public TieBreaker tieBreaker() {
        return tieBreaker;
    }

    /** HEURISTICS (22); never UNDEFINED. */
    public HeuristicsResult heuristics() {
        return heuristics;
    }

    /** KEEP_ACTIVE_PARTITION_TIE_BREAKER (23). */
    public Boolean keepActivePartitionTieBreaker() {
        return keepActivePartitionTieBreaker;
    }
}
