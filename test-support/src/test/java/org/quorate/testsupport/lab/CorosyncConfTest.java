package org.quorate.testsupport.lab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorosyncConfTest {

    @Test
    void twoNodeFfsplitMatchesTheRecipe() {
        String conf = CorosyncConf.render(ClusterSpec.builder(1, 2).build(), LabAddresses.QNETD, 5403);
        assertThat(conf).contains("cluster_name: lab1", "transport: knet", "crypto_cipher: aes256",
                "    name: c1n1\n    nodeid: 1\n    quorum_votes: 1\n    ring0_addr: 198.18.1.1\n",
                "    ring0_addr: 198.18.1.2\n",
                "    model: net\n    votes: 1\n",
                "      tls: on\n      host: 198.18.0.100\n      algorithm: ffsplit\n      tie_breaker: lowest\n",
                "logfile: /var/log/corosync/corosync.log", "timestamp: hires");
        assertThat(conf).doesNotContain("      port:", "heuristics", "ring1_addr");
    }

    @Test
    void lmsLeavesVotesToCorosyncAndHeuristicsKeepTheirOrder() {
        ClusterSpec spec = ClusterSpec.builder(3, 3).algorithm(QdeviceAlgorithm.LMS).tls(TlsMode.OFF).links(2)
                .tieBreaker("highest").heuristicsMode("sync").heuristicsExec("ping", "/bin/true")
                .heuristicsExec("a", "/bin/false").timeoutMs(12000).totem("token: 5000").build();
        String conf = CorosyncConf.render(spec, LabAddresses.QNETD, 5404);
        assertThat(conf).doesNotContain("\n    votes: ");
        assertThat(conf).contains("  token: 5000\n", "    linknumber: 1\n", "    ring1_addr: 198.19.3.3\n",
                "    timeout: 12000\n",
                "    heuristics {\n      mode: sync\n      exec_ping: /bin/true\n      exec_a: /bin/false\n    }\n",
                "      tls: off\n", "      port: 5404\n", "      algorithm: lms\n", "      tie_breaker: highest\n");
    }

    @Test
    void datacenterIdsGoToTheirNodesOnly() {
        String conf = CorosyncConf.render(ClusterSpec.builder(1, 2).datacenterId(2, 12).build(), LabAddresses.QNETD, 5403);
        assertThat(conf).contains("    nodeid: 2\n    quorum_votes: 1\n    datacenterid: 12\n")
                .containsOnlyOnce("datacenterid");
        assertThatThrownBy(() -> ClusterSpec.builder(1, 2).datacenterId(3, 1).build())
                .hasMessageContaining("datacenterid for node 3, nodes are 1..2");
    }

    @Test
    void noQdeviceMeansNoDeviceSection() {
        String conf = CorosyncConf.render(ClusterSpec.builder(2, 4).algorithm(QdeviceAlgorithm.NONE).build(),
                LabAddresses.QNETD, 5403);
        assertThat(conf).doesNotContain("device {").contains("ring0_addr: 198.18.2.4");
    }

    @Test
    void specValidationNamesTheBadValue() {
        assertThatThrownBy(() -> ClusterSpec.builder(1, 2).tieBreaker("middle").build())
                .hasMessageContaining("middle");
        assertThatThrownBy(() -> ClusterSpec.builder(1, 2).heuristicsExec("x", "/bin/true").build())
                .hasMessageContaining("heuristics mode");
        assertThatThrownBy(() -> ClusterSpec.builder(0, 2).build()).hasMessageContaining("cluster id");
    }

    @Test
    void onlyBenchmarkingAddressesAreAccepted() {
        assertThat(LabAddresses.requireLabAddress("198.19.255.1")).isEqualTo("198.19.255.1");
        assertThat(LabAddresses.node(4, 3, 1)).isEqualTo("198.19.4.3");
        for (String bad : new String[] {"10.0.0.1", "192.168.1.1", "172.16.0.1", "198.20.0.1", "198.18.0.256", "x"}) {
            assertThatThrownBy(() -> LabAddresses.requireLabAddress(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
