package org.quorate.deploy.flows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepTableTest {
    private static Outcome out(int exit, String text) {
        return new Outcome("node1", "cmd", exit, text, "");
    }

    @Test
    void fileListsKeepEveryCLineAndNameTheExtras() {
        FlowRun c = new FlowRun(Stack.C);
        FlowRun q = new FlowRun(Stack.QUORATE);
        c.recordFiles("files", out(0, "-rw------- root:root nssdb/qdevice-net-node.p12\n-rw-rw---- root:root nssdb/cert9.db"));
        q.recordFiles("files", out(0, "-rw------- root:root nssdb/qdevice-net-node.p12\n-rw-rw---- root:root nssdb/cert9.db\n"
                + "-rw------- root:root nssdb/qdevice-net-node.key"));
        assertThat(StepTable.differences(c, q)).isEmpty();
        assertThat(StepTable.render(c, q)).contains("same (Quorate also: -rw------- root:root nssdb/qdevice-net-node.key)");

        c.recordFiles("files 2", out(0, "-rw------- root:root nssdb/qdevice-net-node.p12"));
        q.recordFiles("files 2", out(0, "-rw-rw---- root:root nssdb/qdevice-net-node.p12"));
        assertThat(StepTable.differences(c, q)).singleElement().asString()
                .contains("C's '-rw------- root:root nssdb/qdevice-net-node.p12' not in Quorate's");
    }

    @Test
    void exitCodesAlwaysCountAndAMissingStepIsADifference() {
        FlowRun c = new FlowRun(Stack.C);
        FlowRun q = new FlowRun(Stack.QUORATE);
        c.recordExit("install", out(0, "Unpacking corosync-qnetd (3.0.3-1)"));
        q.recordExit("install", out(0, "Unpacking corosync-qnetd (3.0.3+quorate0.1.0)"));
        c.record("status", out(0, "Vote: ACK"));
        q.record("status", out(1, "Vote: ACK"));
        c.record("remove", out(0, ""));
        assertThat(StepTable.differences(c, q)).containsExactly("status: exit 0 / 1: same", "step 3: C remove / Quorate -");
        String table = StepTable.render(c, q);
        assertThat(table).contains("different (exit code)", "different (Quorate did not get here)");
        assertThat(table.lines().findFirst().orElseThrow()).as("header")
                .matches("#\\s+step\\s+host\\s+C exit\\s+Q exit\\s+C s\\s+Q s\\s+same\\?");
        assertThat(table).containsPattern("2\\s+status\\s+node1\\s+0\\s+1\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\s+different");
    }
}
