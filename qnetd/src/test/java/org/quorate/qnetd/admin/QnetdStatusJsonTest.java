package org.quorate.qnetd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.NodeState;
import org.quorate.protocol.RingId;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;

/** The documented schema (docs/json-status.md): field names, types and value spellings. */
class QnetdStatusJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void statusDocument() throws Exception {
        JsonNode root = MAPPER.readTree(QnetdStatusJson.status(ReferenceScenarios.forFile("2n-ffsplit-tls.txt")));
        assertThat(fields(root)).containsExactlyInAnyOrder("schemaVersion", "type", "listenAddress", "port", "tls",
                "clientCertificateRequired", "connectedClients", "connectedClusters", "maxClients", "maxSendSize",
                "maxReceiveSize");
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("type").asText()).isEqualTo("qnetd-status");
        assertThat(root.get("listenAddress").isNull()).isTrue();
        assertThat(root.get("port").asInt()).isEqualTo(5403);
        assertThat(root.get("tls").asText()).isEqualTo("supported");
        assertThat(root.get("clientCertificateRequired").asBoolean()).isTrue();
        assertThat(root.get("connectedClients").asLong()).isEqualTo(2);
        assertThat(root.get("connectedClusters").asInt()).isEqualTo(1);
        assertThat(root.get("maxSendSize").asLong()).isEqualTo(32768);
    }

    @Test
    void listDocument() throws Exception {
        JsonNode root = MAPPER.readTree(QnetdStatusJson.list(ReferenceScenarios.forFile("2n-ffsplit-tls.txt"), null));
        assertThat(fields(root)).containsExactlyInAnyOrder("schemaVersion", "type", "clusters");
        assertThat(root.get("type").asText()).isEqualTo("qnetd-list");
        JsonNode cluster = root.get("clusters").get(0);
        assertThat(cluster.get("name").asText()).isEqualTo("lab1");
        assertThat(cluster.get("keepActivePartitionTieBreakerActive").asBoolean()).isTrue();
        JsonNode client = cluster.get("clients").get(0);
        assertThat(fields(client)).containsExactlyInAnyOrder("nodeId", "address", "host", "port", "heartbeatIntervalMs",
                "configVersion", "configNodeList", "ringId", "membershipNodeList", "heuristics", "tls", "vote",
                "algorithm", "tieBreaker", "keepActivePartitionTieBreaker");
        assertThat(client.get("nodeId").asLong()).isEqualTo(1);
        assertThat(client.get("address").asText()).isEqualTo("::ffff:198.18.1.1:50122");
        assertThat(client.get("host").asText()).isEqualTo("198.18.1.1");
        assertThat(client.get("port").asInt()).isEqualTo(50122);
        assertThat(client.get("configVersion").asLong()).isEqualTo(1);
        assertThat(client.get("configNodeList").get(1).get("nodeId").asLong()).isEqualTo(2);
        assertThat(client.get("configNodeList").get(1).get("dataCenterId").isNull()).isTrue();
        assertThat(client.get("ringId").get("text").asText()).isEqualTo("1.9");
        assertThat(client.get("heuristics").get("last").asText()).isEqualTo("undefined");
        assertThat(client.get("tls").get("clientCertificateVerified").asBoolean()).isTrue();
        assertThat(client.get("vote").get("last").asText()).isEqualTo("no_change");
        assertThat(client.get("vote").get("lastAckNack").asText()).isEqualTo("ack");
        assertThat(client.get("algorithm").asText()).isEqualTo("ffsplit");
        assertThat(client.get("tieBreaker").get("mode").asText()).isEqualTo("lowest");
        assertThat(client.get("tieBreaker").get("nodeId").isNull()).isTrue();
        assertThat(cluster.get("clients").get(1).get("nodeId").asLong()).isEqualTo(2);
    }

    @Test
    void unsigned64BitValuesAndAbsentValues() throws Exception {
        QnetdClientStatus c = QnetdClientStatus.builder(7)
                .address("a:1")
                .configVersion(-1L)
                .ringId(new RingId(7, -2L))
                .configNodeList(List.of(new NodeInfo(7, 3, NodeState.NOT_SET)))
                .tieBreaker(TieBreaker.nodeId(7))
                .build();
        QnetdStatusSnapshot s = new QnetdStatusSnapshot(
                new QnetdServerStatus("::", 1, TlsSupported.UNSUPPORTED, false, 1, 0, 1, 1),
                List.of(new QnetdClusterStatus("x", List.of(c))));
        String json = QnetdStatusJson.list(s, "x");
        assertThat(json).contains("\"configVersion\":18446744073709551615")
                .contains("\"seq\":18446744073709551614");
        JsonNode client = MAPPER.readTree(json).get("clusters").get(0).get("clients").get(0);
        assertThat(client.get("vote").get("last").isNull()).isTrue();
        assertThat(client.get("configNodeList").get(0).get("dataCenterId").asLong()).isEqualTo(3);
        assertThat(client.get("tieBreaker").get("nodeId").asLong()).isEqualTo(7);
        assertThat(MAPPER.readTree(QnetdStatusJson.list(s, "y")).get("clusters")).isEmpty();
        assertThat(MAPPER.readTree(QnetdStatusJson.status(s)).get("listenAddress").asText()).isEqualTo("::");
    }
}
