package org.quorate.link.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;

/**
 * The JSON form beside the cfgtool text: every field of {@link LinkLayerStatus}, by name, numbers as numbers.
 * Names follow knet's {@code knet_link_status} where it has one (tx_data_packets, latency_min, down_count...);
 * latencies are in microseconds as in knet. Documented in {@code docs/link-status.md}.
 */
public final class LinkStatusJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LinkStatusJson() {
    }

    public static ObjectNode tree(LinkLayerStatus s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("local_node_id", s.localHostId());
        root.put("transport", s.transport());
        root.put("authentication_failures", s.authenticationFailures());
        root.put("dropped_packets", s.droppedPackets());
        ArrayNode locals = root.putArray("local_links");
        for (LocalLink l : s.localLinks()) {
            ObjectNode o = locals.addObject();
            o.put("link_id", l.linkId());
            o.put("transport", l.transportName());
            address(o, "addr", "port", l.address());
        }
        ArrayNode hosts = root.putArray("hosts");
        for (HostStatus h : s.hosts()) {
            ObjectNode o = hosts.addObject();
            o.put("node_id", h.hostId());
            o.put("name", h.name());
            o.put("local", h.local());
            o.put("reachable", h.reachable());
            ArrayNode links = o.putArray("links");
            for (LinkStatus l : h.links()) {
                link(links.addObject(), l);
            }
        }
        return root;
    }

    public static String json(LinkLayerStatus s) {
        try {
            return MAPPER.writeValueAsString(tree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("link status JSON", e);
        }
    }

    private static void link(ObjectNode o, LinkStatus l) {
        o.put("link_id", l.linkId());
        address(o, "src_addr", "src_port", l.local());
        address(o, "dst_addr", "dst_port", l.remote());
        o.put("enabled", l.enabled());
        o.put("connected", l.connected());
        o.put("carries_traffic", l.carriesTraffic());
        o.put("priority", l.priority());
        o.put("mtu", l.mtu());
        o.put("not_eligible_why", l.notEligibleWhy());
        o.put("latency_min", l.latencyMinUs());
        o.put("latency_ave", l.latencyAvgUs());
        o.put("latency_max", l.latencyMaxUs());
        o.put("latency_samples", l.latencySamples());
        o.put("up_count", l.upCount());
        o.put("down_count", l.downCount());
        o.put("loss_ratio", l.lossRatio());
        counters(o.putObject("counters"), l.counters() == null ? LinkCounters.ZERO : l.counters());
    }

    private static void counters(ObjectNode o, LinkCounters c) {
        o.put("tx_data_packets", c.txDataPackets());
        o.put("tx_data_bytes", c.txDataBytes());
        o.put("rx_data_packets", c.rxDataPackets());
        o.put("rx_data_bytes", c.rxDataBytes());
        o.put("tx_ping_packets", c.txPingPackets());
        o.put("tx_ping_bytes", c.txPingBytes());
        o.put("rx_ping_packets", c.rxPingPackets());
        o.put("rx_ping_bytes", c.rxPingBytes());
        o.put("tx_pong_packets", c.txPongPackets());
        o.put("tx_pong_bytes", c.txPongBytes());
        o.put("rx_pong_packets", c.rxPongPackets());
        o.put("rx_pong_bytes", c.rxPongBytes());
        o.put("tx_pmtu_packets", c.txPmtuPackets());
        o.put("tx_pmtu_bytes", c.txPmtuBytes());
        o.put("rx_pmtu_packets", c.rxPmtuPackets());
        o.put("rx_pmtu_bytes", c.rxPmtuBytes());
        o.put("tx_total_packets", c.txTotalPackets());
        o.put("tx_total_bytes", c.txTotalBytes());
        o.put("rx_total_packets", c.rxTotalPackets());
        o.put("rx_total_bytes", c.rxTotalBytes());
        o.put("tx_total_errors", c.txErrors());
    }

    private static void address(ObjectNode o, String hostField, String portField, InetSocketAddress a) {
        if (a == null) {
            o.putNull(hostField);
            o.putNull(portField);
            return;
        }
        o.put(hostField, CfgtoolAddresses.host(a));
        o.put(portField, a.getPort());
    }
}
