package org.quorate.deploy.flows;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliserTest {
    private final Normaliser n = new Normaliser(Map.of("198.19.211.4", "node1", "198.19.211.40", "node9"));

    @Test
    void addressesBecomeHostNamesAndClientPortsAPlaceholder() {
        assertThat(n.apply("Client address:\t\t::ffff:198.19.211.4:40538\nQNetd host:\t\tqnetd:5403"))
                .isEqualTo("Client address:\t\t::ffff:<node1>:<port>\nQNetd host:\t\tqnetd:5403");
        assertThat(n.apply("from 198.19.211.40")).as("a longer address is not a prefix match").isEqualTo("from <node9>");
    }

    @Test
    void ringIdsTimesAndColoursGo() {
        assertThat(n.apply("\u001B[32mINFO\u001B[0m: Ring ID:\t\t1.9\nLast poll call:\t\t2026-12-03T13:30:51 (cast vote)"))
                .isEqualTo("INFO: Ring ID:\t\t<ring>\nLast poll call:\t\t<date> (cast vote)");
    }

    @Test
    void wordingIsKept() {
        assertThat(n.apply("ERROR: cluster.init: This cluster's name \"crmqd\" already exists on qnetd server!"))
                .isEqualTo("ERROR: cluster.init: This cluster's name \"crmqd\" already exists on qnetd server!");
    }
}
