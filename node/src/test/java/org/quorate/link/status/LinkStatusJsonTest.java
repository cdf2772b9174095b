package org.quorate.link.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.status.StatusFixtures.link;
import static org.quorate.link.status.StatusFixtures.local;
import static org.quorate.link.status.StatusFixtures.remote;
import static org.quorate.link.status.StatusFixtures.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkStatusJsonTest {
    @Test
    void everyFieldIsThereByName() throws Exception {
        LinkCounters c = new LinkCounters(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        LinkLayerStatus s = status(1, List.of("198.18.61.1"), local(1, "n1", "127.0.0.1"),
                remote(2, "n2", true, link(0, "198.18.61.1", "198.18.61.2", false, 1397, c)));
        JsonNode root = new ObjectMapper().readTree(LinkStatusJson.json(s));
        assertThat(root.get("local_node_id").asInt()).isEqualTo(1);
        assertThat(root.get("transport").asText()).isEqualTo("knet");
        assertThat(root.get("local_links").get(0).get("addr").asText()).isEqualTo("198.18.61.1");
        JsonNode l = root.get("hosts").get(1).get("links").get(0);
        assertThat(root.get("hosts").get(1).get("node_id").asInt()).isEqualTo(2);
        assertThat(l.get("dst_addr").asText()).isEqualTo("198.18.61.2");
        assertThat(l.get("dst_port").asInt()).isEqualTo(5405);
        assertThat(l.get("connected").asBoolean()).isFalse();
        assertThat(l.get("mtu").asInt()).isEqualTo(1397);
        assertThat(l.get("not_eligible_why").asText()).isEqualTo("down: no pong");
        assertThat(l.get("latency_min").asLong()).isEqualTo(10);
        assertThat(l.get("latency_ave").asLong()).isEqualTo(20);
        assertThat(l.get("latency_max").asLong()).isEqualTo(30);
        assertThat(l.get("down_count").asLong()).isEqualTo(1);
        JsonNode k = l.get("counters");
        assertThat(k.get("tx_data_packets").asLong()).isEqualTo(1);
        assertThat(k.get("rx_pmtu_bytes").asLong()).isEqualTo(16);
        assertThat(k.get("tx_total_errors").asLong()).isEqualTo(17);
        assertThat(k.get("tx_total_packets").asLong()).isEqualTo(1 + 5 + 9 + 13);
        assertThat(k.size()).isEqualTo(21);
        assertThat(l.size()).isEqualTo(19);
    }
}
