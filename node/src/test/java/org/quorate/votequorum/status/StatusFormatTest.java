package org.quorate.votequorum.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.votequorum.CsError;
import org.quorate.votequorum.service.VotequorumService;
import org.quorate.vqsim.engine.SimCluster;

/** pvecm status/nodes (node-and-link spec §3.3-3.4), the inquorate and lost-device shapes, and the JSON form. */
class StatusFormatTest {
    private static final long DATE = Instant.parse("2026-11-28T09:05:03Z").toEpochMilli();

    private static Map<String, String> conf(int nodes, boolean device) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("totem.cluster_name", "pve");
        m.put("quorum.provider", "corosync_votequorum");
        for (int i = 0; i < nodes; i++) {
            m.put("nodelist.node." + i + ".nodeid", Integer.toString(i + 1));
            m.put("nodelist.node." + i + ".name", "pve" + (i + 1));
            m.put("nodelist.node." + i + ".quorum_votes", "1");
            m.put("nodelist.node." + i + ".ring0_addr", "192.0.2." + (11 + i));
        }
        if (device) {
            m.put("quorum.device.model", "net");
            m.put("quorum.device.votes", "1");
        }
        return m;
    }

    private static void deviceEverywhere(SimCluster sim) {
        for (long id : sim.configuredNodes()) {
            VotequorumService vq = sim.service(id);
            vq.qdeviceRegister("Qdevice", e -> assertThat(e).isEqualTo(CsError.OK));
            sim.scheduler().runDue();
            vq.qdeviceMasterWins("Qdevice", false);
            vq.qdevicePoll("Qdevice", true, vq.core().ringId());
            sim.scheduler().runDue();
        }
    }

    private static QuorumStatus status(SimCluster sim, long node) {
        return QuorumStatus.of(sim.service(node).core(), DATE).withRingId(new RingId(1, 0x1a8));
    }

    @Test
    void pvecmStatusOfTwoNodesAndADeviceThatLostContactOnTheLocalNode() {
        Map<String, String> cmap = conf(2, true);
        try (SimCluster sim = new SimCluster(cmap, p -> cmap)) {
            sim.up(0, List.of(1L, 2L));
            deviceEverywhere(sim);
            sim.advance(Duration.ofSeconds(11)); // node 2 keeps polling below, node 1's device falls silent
            VotequorumService two = sim.service(2);
            two.qdevicePoll("Qdevice", true, two.core().ringId());
            sim.scheduler().runDue();
            Map<String, String> totem = Map.of("cluster_name", "pve", "config_version", "2", "secauth", "on");
            QuorumToolFormatter.ToolOutput out = PvecmFormatter.status(totem, status(sim, 1), ZoneOffset.UTC);
            assertThat(out.stdout()).isEqualTo(""
                    + "Cluster information\n"
                    + "-------------------\n"
                    + "Name:             pve\n"
                    + "Config Version:   2\n"
                    + "Transport:        knet\n"
                    + "Secure auth:      on\n"
                    + "\n"
                    + "Quorum information\n"
                    + "------------------\n"
                    + "Date:             Sat Nov 28 09:05:03 2026\n"
                    + "Quorum provider:  corosync_votequorum\n"
                    + "Nodes:            2\n"
                    + "Node ID:          0x00000001\n"
                    + "Ring ID:          1.1a8\n"
                    + "Quorate:          Yes\n"
                    + "\n"
                    + "Votequorum information\n"
                    + "----------------------\n"
                    + "Expected votes:   3\n"
                    + "Highest expected: 3\n"
                    + "Total votes:      2\n"
                    + "Quorum:           2  \n"
                    + "Flags:            Quorate Qdevice \n"
                    + "\n"
                    + "Membership information\n"
                    + "----------------------\n"
                    + "    Nodeid      Votes    Qdevice Name\n"
                    + "0x00000001          1  NA,NV,NMW 192.0.2.11 (local)\n"
                    + "0x00000002          1    A,V,NMW 192.0.2.12\n"
                    + "0x00000000          0            Qdevice (votes 1)\n");
            assertThat(out.exitCode()).isZero();
        }
    }

    @Test
    void pvecmNodesAndAnInquorateStatus() {
        Map<String, String> cmap = conf(3, false);
        cmap.put("quorum.wait_for_all", "1");
        try (SimCluster sim = new SimCluster(cmap, p -> cmap)) {
            sim.up(0, List.of(1L, 2L, 3L));
            assertThat(PvecmFormatter.nodes(status(sim, 1)).stdout()).isEqualTo(""
                    + "\n"
                    + "Membership information\n"
                    + "----------------------\n"
                    + "    Nodeid      Votes Name\n"
                    + "         1          1 pve1 (local)\n"
                    + "         2          1 pve2\n"
                    + "         3          1 pve3\n");
            sim.down(List.of(2L, 3L));
            QuorumToolFormatter.ToolOutput out =
                    QuorumToolFormatter.status(status(sim, 1), QuorumToolOptions.DEFAULT, ZoneOffset.UTC);
            assertThat(out.stdout()).contains("Quorate:          No\n", "Total votes:      1\n",
                    "Quorum:           2 Activity blocked\n", "Flags:            WaitForAll \n",
                    "         1          1 pve1 (local)\n");
            assertThat(out.exitCode()).isEqualTo(QuorumToolFormatter.EXIT_NOT_QUORATE);
        }
    }

    @Test
    void jsonCarriesTheSameNumbers() throws Exception {
        Map<String, String> cmap = conf(2, true);
        try (SimCluster sim = new SimCluster(cmap, p -> cmap)) {
            sim.up(0, List.of(1L, 2L));
            deviceEverywhere(sim);
            JsonNode j = new ObjectMapper().readTree(StatusJson.json(status(sim, 2), QuorumToolOptions.DEFAULT));
            assertThat(j.get("quorate").asBoolean()).isTrue();
            assertThat(j.get("ring_id").asText()).isEqualTo("1.1a8");
            assertThat(j.at("/votequorum/expected_votes").asLong()).isEqualTo(3);
            assertThat(j.at("/votequorum/total_votes").asLong()).isEqualTo(3);
            assertThat(j.at("/votequorum/quorum").asLong()).isEqualTo(2);
            assertThat(j.at("/votequorum/flags").toString()).isEqualTo("[\"Quorate\",\"Qdevice\"]");
            assertThat(j.at("/membership/1/local").asBoolean()).isTrue();
            assertThat(j.at("/membership/0/qdevice/cast_vote").asBoolean()).isTrue();
            assertThat(j.at("/qdevice/name").asText()).isEqualTo("Qdevice");
        }
    }

    @Test
    void ctimePadsTheDayWithASpace() {
        assertThat(QuorumToolFormatter.ctime(Instant.parse("2026-12-04T07:08:09Z").toEpochMilli(), ZoneOffset.UTC))
                .isEqualTo("Fri Dec  4 07:08:09 2026");
    }
}
