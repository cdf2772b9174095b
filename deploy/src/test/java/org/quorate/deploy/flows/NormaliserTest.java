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

    @Test
    void qnetdToolsLastSentReplyAndPidsGoButTheDecisionStays() {
        assertThat(n.apply("Vote:\t\t\tNo change (ACK)\nqnetd running (pid 4242)"))
                .isEqualTo("Vote:\t\t\t<last sent> (ACK)\nqnetd running (pid <pid>)");
    }

    @Test
    void unorderedStepsCompareTheirLinesAsASet() {
        FlowRun c = new FlowRun(Stack.C);
        FlowRun q = new FlowRun(Stack.QUORATE);
        c.normaliseWith(n);
        q.normaliseWith(n);
        c.recordUnordered("auth", new Outcome("n1", "pcs host auth", 0, "n2: Authorized\nn1: Authorized\n", ""));
        q.recordUnordered("auth", new Outcome("n1", "pcs host auth", 0, "n1: Authorized\nn2: Authorized\n", ""));
        assertThat(StepTable.differences(c, q)).isEmpty();
        c.recordUnordered("auth 2", new Outcome("n1", "pcs host auth", 0, "n1: Authorized\n", ""));
        q.recordUnordered("auth 2", new Outcome("n1", "pcs host auth", 0, "n1: Unable to authenticate\n", ""));
        assertThat(StepTable.differences(c, q)).singleElement().asString().startsWith("auth 2: exit 0 / 0");
    }

    @Test
    void certutilsEmptyPasswordNoticeIsCountedWhereverStderrPutIt() {
        String c = n.apply("node 'node1': Creating new key and cert db\nnode 'node1': Importing CA"
                + "password file contains no data\nnode 'node1': done");
        String q = n.apply("node 'node1': Creating new key and cert db\npassword file contains no data\n"
                + "node 'node1': Importing CA\nnode 'node1': done");
        assertThat(c).isEqualTo(q).isEqualTo("node 'node1': Creating new key and cert db\nnode 'node1': Importing CA\n"
                + "node 'node1': done\n(password file contains no data) x1");
        assertThat(n.apply("Importing CA\nnode 'node1': done")).as("a missing notice is still a difference")
                .isNotEqualTo(c);
    }
}
