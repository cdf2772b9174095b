package org.quorate.qnetd.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.RingId;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.Vote;

/**
 * The JSON forms of qnetd's {@code status json} and {@code list json} answers. The schema is
 * documented in {@code docs/json-status.md}; every document carries {@code schemaVersion} (bumped
 * only on incompatible changes; new fields may be added without a bump) and {@code type}.
 * JSON always carries every field, whether or not {@code verbose} was requested.
 */
public final class QnetdStatusJson {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QnetdStatusJson() {
    }

    public static String status(QnetdStatusSnapshot snapshot) {
        QnetdServerStatus s = snapshot.server();
        ObjectNode root = header("qnetd-status");
        root.put("listenAddress", s.listenAddress());
        root.put("port", s.port());
        root.put("tls", enumName(s.tls()));
        root.put("clientCertificateRequired", s.clientCertificateRequired());
        root.put("connectedClients", s.connectedClients());
        root.put("connectedClusters", snapshot.connectedClusters());
        root.put("maxClients", s.maxClients());
        root.put("maxSendSize", s.maxSendSize());
        root.put("maxReceiveSize", s.maxReceiveSize());
        return root.toString();
    }

    /** @param clusterName the same filter as the text form: null or empty lists every cluster */
    public static String list(QnetdStatusSnapshot snapshot, String clusterName) {
        ObjectNode root = header("qnetd-list");
        ArrayNode clusters = root.putArray("clusters");
        for (QnetdClusterStatus cluster : snapshot.clusters()) {
            if (clusterName == null || clusterName.isEmpty() || clusterName.equals(cluster.name())) {
                clusters.add(cluster(cluster));
            }
        }
        return root.toString();
    }

    private static ObjectNode cluster(QnetdClusterStatus cluster) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", cluster.name());
        node.put("keepActivePartitionTieBreakerActive", cluster.keepActivePartitionTieBreakerActive());
        ArrayNode clients = node.putArray("clients");
        cluster.clients().forEach(c -> clients.add(client(c)));
        return node;
    }

    private static ObjectNode client(QnetdClientStatus c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("nodeId", c.nodeId());
        node.put("address", c.address());
        // canonical peer (added in issue #8): the text's ::ffff: form depends on the listener's family, not on the peer
        ClientAddressFormat.canonical(c.address()).ifPresent(a -> {
            node.put("host", a.host());
            node.put("port", a.port());
        });
        node.put("heartbeatIntervalMs", c.heartbeatIntervalMs());
        if (c.configVersion() == null) {
            node.putNull("configVersion");
        } else {
            node.put("configVersion", unsigned(c.configVersion()));
        }
        node.set("configNodeList", nodeList(c.configNodeList()));
        node.set("ringId", ringId(c.ringId()));
        node.set("membershipNodeList", nodeList(c.membershipNodeList()));
        ObjectNode heuristics = node.putObject("heuristics");
        heuristics.put("last", enumName(c.heuristics()));
        heuristics.put("membership", enumName(c.membershipHeuristics()));
        heuristics.put("regular", enumName(c.regularHeuristics()));
        ObjectNode tls = node.putObject("tls");
        tls.put("active", c.tlsActive());
        tls.put("clientCertificateVerified", c.clientCertificateVerified());
        ObjectNode vote = node.putObject("vote");
        vote.put("last", c.lastVote() == Vote.UNDEFINED ? null : enumName(c.lastVote()));
        vote.put("lastAckNack", c.lastAckNackVote() == Vote.UNDEFINED ? null : enumName(c.lastAckNackVote()));
        node.put("algorithm", c.algorithm().configName());
        node.set("tieBreaker", tieBreaker(c.tieBreaker()));
        node.put("keepActivePartitionTieBreaker", c.keepActivePartitionTieBreaker());
        return node;
    }

    private static ObjectNode header(String type) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("type", type);
        return root;
    }

    static ArrayNode nodeList(List<NodeInfo> nodes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (NodeInfo n : nodes) {
            ObjectNode entry = array.addObject();
            entry.put("nodeId", n.nodeId());
            if (n.dataCenterId() == 0) {
                entry.putNull("dataCenterId");
            } else {
                entry.put("dataCenterId", n.dataCenterId());
            }
        }
        return array;
    }

    static ObjectNode ringId(RingId ringId) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("nodeId", ringId.nodeId());
        node.put("seq", unsigned(ringId.seq()));
        node.put("text", ringId.toHex());
        return node;
    }

    static ObjectNode tieBreaker(TieBreaker tb) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("mode", enumName(tb.mode()));
        if (tb.mode() == org.quorate.protocol.TieBreakerMode.NODE_ID) {
            node.put("nodeId", tb.nodeId());
        } else {
            node.putNull("nodeId");
        }
        return node;
    }

    static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    /** Enum constants as lower-case snake case, e.g. {@code NO_CHANGE} → {@code no_change}. */
    static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
