package org.quorate.qdevice.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.NodeInfo;
import org.quorate.protocol.TieBreakerMode;

/**
 * The JSON form of qdevice's {@code status json} answer; schema in {@code docs/json-status.md}.
 * Times are ISO-8601 UTC instants to the second ({@code 2026-11-28T00:03:28Z}) or null.
 */
public final class QdeviceStatusJson {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QdeviceStatusJson() {
    }

    public static String status(QdeviceStatusSnapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("type", "qdevice-status");
        root.set("device", device(snapshot.device()));
        root.set("net", net(snapshot.net()));
        return root.toString();
    }

    private static ObjectNode device(QdeviceInfo d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("model", d.model());
        node.put("nodeId", d.nodeId());
        node.put("heartbeatIntervalMs", d.heartbeatIntervalMs());
        node.put("syncHeartbeatIntervalMs", d.syncHeartbeatIntervalMs());
        if (d.configVersion() == null) {
            node.putNull("configVersion");
        } else {
            node.put("configVersion", new BigInteger(Long.toUnsignedString(d.configVersion())));
        }
        ArrayNode config = node.putArray("configNodeList");
        for (NodeInfo n : d.configNodeList()) {
            ObjectNode entry = config.addObject();
            entry.put("nodeId", n.nodeId());
            if (n.dataCenterId() == 0) {
                entry.putNull("dataCenterId");
            } else {
                entry.put("dataCenterId", n.dataCenterId());
            }
        }
        node.put("heuristicsMode", name(d.heuristicsMode()));
        ObjectNode ring = node.putObject("ringId");
        ring.put("nodeId", d.ringId().nodeId());
        ring.put("seq", new BigInteger(Long.toUnsignedString(d.ringId().seq())));
        ring.put("text", d.ringId().toHex());
        ArrayNode members = node.putArray("membershipNodeIds");
        d.membershipNodeIds().forEach(members::add);
        node.put("quorate", d.quorate());
        ArrayNode quorum = node.putArray("quorumNodeList");
        for (int i = 0; i < d.quorumNodeList().size(); i++) {
            VotequorumNode q = d.quorumNodeList().get(i);
            if (q.nodeId() == 0) {
                continue;
            }
            ObjectNode entry = quorum.addObject();
            entry.put("index", i);
            entry.put("nodeId", q.nodeId());
            entry.put("state", name(q.state()));
        }
        node.put("expectedVotes", d.expectedVotes());
        ObjectNode poll = node.putObject("lastPoll");
        poll.put("time", time(d.lastPollCall()));
        poll.put("castVote", d.lastPollCall() != null && d.lastPollCastVote());
        return node;
    }

    private static ObjectNode net(QdeviceNetInfo n) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("clusterName", n.clusterName());
        node.put("qnetdHost", n.qnetdHost());
        node.put("qnetdPort", n.qnetdPort());
        node.put("forceIpVersion", n.forceIpVersion());
        node.put("connectTimeoutMs", n.connectTimeoutMs());
        node.put("heartbeatIntervalMs", n.heartbeatIntervalMs());
        node.put("voteTimerIntervalMs", n.voteTimerIntervalMs());
        node.put("tls", name(n.tls()));
        node.put("algorithm", n.algorithm().configName());
        ObjectNode tb = node.putObject("tieBreaker");
        tb.put("mode", name(n.tieBreaker().mode()));
        if (n.tieBreaker().mode() == TieBreakerMode.NODE_ID) {
            tb.put("nodeId", n.tieBreaker().nodeId());
        } else {
            tb.putNull("nodeId");
        }
        node.put("kapTieBreaker", name(n.kapTieBreaker()));
        ObjectNode poll = node.putObject("pollTimer");
        poll.put("running", n.pollTimerRunning());
        poll.put("castVote", n.pollTimerRunning() && n.pollTimerCastVote());
        node.put("state", name(n.state()));
        node.put("sessionEstablished", n.sessionEstablished());
        ObjectNode heuristics = node.putObject("heuristics");
        heuristics.put("result", name(n.heuristicsResult()));
        heuristics.put("regular", name(n.regularHeuristics()));
        heuristics.put("membership", name(n.membershipHeuristics()));
        heuristics.put("connect", name(n.connectHeuristics()));
        ObjectNode tls = node.putObject("tlsSession");
        tls.put("active", n.tlsActive());
        tls.put("clientCertificateSent", n.clientCertificateSent());
        node.put("connectedSince", time(n.connectedSince()));
        node.put("echoReplyReceived", time(n.echoReplyReceived()));
        return node;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String name(HeuristicsResult r) {
        return name((Enum<?>) r);
    }
}
