package org.quorate.qdevice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The documented schema (docs/json-status.md) of {@code status json}. */
class QdeviceStatusJsonTest {
    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void statusDocument() throws Exception {
        JsonNode root = new ObjectMapper().readTree(QdeviceStatusJson.status(ReferenceScenarios.forFile("2n-ffsplit-tls.txt")));
        assertThat(fields(root)).containsExactlyInAnyOrder("schemaVersion", "type", "device", "net");
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("type").asText()).isEqualTo("qdevice-status");
        JsonNode d = root.get("device");
        assertThat(fields(d)).containsExactlyInAnyOrder("model", "nodeId", "heartbeatIntervalMs",
                "syncHeartbeatIntervalMs", "configVersion", "configNodeList", "heuristicsMode", "ringId",
                "membershipNodeIds", "quorate", "quorumNodeList", "expectedVotes", "lastPoll");
        assertThat(d.get("model").asText()).isEqualTo("Net");
        assertThat(d.get("heuristicsMode").asText()).isEqualTo("disabled");
        assertThat(d.get("ringId").get("text").asText()).isEqualTo("1.9");
        assertThat(d.get("membershipNodeIds").toString()).isEqualTo("[1,2]");
        assertThat(d.get("quorumNodeList").get(0).toString()).isEqualTo("{\"index\":0,\"nodeId\":2,\"state\":\"member\"}");
        assertThat(d.get("lastPoll").toString()).isEqualTo("{\"time\":\"2026-11-28T00:03:28Z\",\"castVote\":true}");
        JsonNode n = root.get("net");
        assertThat(fields(n)).containsExactlyInAnyOrder("clusterName", "qnetdHost", "qnetdPort", "forceIpVersion",
                "connectTimeoutMs", "heartbeatIntervalMs", "voteTimerIntervalMs", "tls", "algorithm", "tieBreaker",
                "kapTieBreaker", "pollTimer", "state", "sessionEstablished", "heuristics", "tlsSession",
                "connectedSince", "echoReplyReceived");
        assertThat(n.get("algorithm").asText()).isEqualTo("ffsplit");
        assertThat(n.get("kapTieBreaker").asText()).isEqualTo("enabled");
        assertThat(n.get("state").asText()).isEqualTo("connected");
        assertThat(n.get("tls").asText()).isEqualTo("supported");
        assertThat(n.get("tlsSession").get("clientCertificateSent").asBoolean()).isTrue();
        assertThat(n.get("connectedSince").asText()).isEqualTo("2026-11-28T00:03:16Z");
        assertThat(n.get("heuristics").get("connect").asText()).isEqualTo("undefined");
    }

    @Test
    void neverPolledAndNotConnected() throws Exception {
        QdeviceStatusSnapshot s = new QdeviceStatusSnapshot(QdeviceInfo.builder(1).build(),
                QdeviceNetInfo.builder("c", "h", 1).state(QdeviceConnectionState.CONNECT_FAILED).build());
        JsonNode root = new ObjectMapper().readTree(QdeviceStatusJson.status(s));
        assertThat(root.get("device").get("lastPoll").get("time").isNull()).isTrue();
        assertThat(root.get("device").get("configVersion").isNull()).isTrue();
        assertThat(root.get("net").get("state").asText()).isEqualTo("connect_failed");
        assertThat(root.get("net").get("connectedSince").isNull()).isTrue();
    }
}
