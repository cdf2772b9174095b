package org.quorate.qnetd.badinput;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.quorate.protocol.TlsSupported;
import org.quorate.protocol.Vote;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One live qnetd (TLS on, client certificates required) per test class, with two healthy TLS nodes of cluster
 * {@value HealthyNode#CLUSTER} connected throughout. After every bad-input case both nodes must still get
 * echo replies and an ACK vote, and the server must be back to exactly their two connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveServerFixture {
    TestPki pki;
    LiveQnetd qnetd;
    private HealthyNode node1;
    private HealthyNode node2;

    @BeforeAll
    void startServerWithHealthyNodes() throws Exception {
        pki = TestPki.shared();
        qnetd = new LiveQnetd(pki, TlsSupported.SUPPORTED);
        var tls = pki.client(HealthyNode.CLUSTER);
        node1 = HealthyNode.join(qnetd, tls, 1);
        node2 = HealthyNode.join(qnetd, tls, 2);
    }

    @BeforeEach
    void clearRecords() {
        qnetd.clearRecords();
    }

    @AfterEach
    void healthyNodesAreUnaffected() throws Exception {
        qnetd.awaitConnections(2);
        assertThat(node1.prove()).as("node 1 vote").isEqualTo(Vote.ACK);
        assertThat(node2.prove()).as("node 2 vote").isEqualTo(Vote.ACK);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (node1 != null) {
            node1.close();
        }
        if (node2 != null) {
            node2.close();
        }
        if (qnetd != null) {
            qnetd.close();
        }
    }
}
