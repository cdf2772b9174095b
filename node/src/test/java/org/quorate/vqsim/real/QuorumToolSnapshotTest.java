package org.quorate.vqsim.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorate.testsupport.lab.QuorumStatus;
import org.quorate.vqsim.NodeSnapshot;

class QuorumToolSnapshotTest {
    /** corosync-quorumtool -s of c1n1 of the realstack recipe's 2-node ffsplit reference (results/reference). */
    private static final String TWO_NODE_QDEVICE = String.join("\n",
            "Quorum information", "------------------", "Date:             Sat Nov 28 00:02:51 2026",
            "Quorum provider:  corosync_votequorum", "Nodes:            2", "Node ID:          1",
            "Ring ID:          1.9", "Quorate:          Yes", "", "Votequorum information", "----------------------",
            "Expected votes:   3", "Highest expected: 3", "Total votes:      3", "Quorum:           2  ",
            "Flags:            Quorate Qdevice ", "", "Membership information", "----------------------",
            "    Nodeid      Votes    Qdevice Name", "         1          1    A,V,NMW c1n1 (local)",
            "         2          1    A,V,NMW c1n2", "         0          1            Qdevice", "");

    @Test
    void flagWordsAndTheLocalQdeviceCellBecomeTheInfoBits() {
        NodeSnapshot s = QuorumToolSnapshot.of(1, 0, QuorumStatus.parse(TWO_NODE_QDEVICE));
        assertThat(s).isEqualTo(new NodeSnapshot(1, 0, true, true, "1.9", List.of(1L, 2L), 3, 3, 3, 2,
                2 | 64 | 128 | 256));
    }

    @Test
    void aWaitingTwoNodeClusterPrintsItsFlagsWithoutTheQuorateBit() {
        String text = TWO_NODE_QDEVICE.replace("Quorate:          Yes", "Quorate:          No")
                .replace("Flags:            Quorate Qdevice ", "Flags:            2Node WaitForAll ")
                .replace("A,V,NMW c1n1", "NA,NV,NMW c1n1");
        NodeSnapshot s = QuorumToolSnapshot.of(1, 0, QuorumStatus.parse(text));
        assertThat(s.flags()).isEqualTo(1 | 4);
        assertThat(s.quorate()).isFalse();
    }

    @Test
    void aNodeThatDoesNotAnswerIsUpWithNoNumbers() {
        NodeSnapshot s = QuorumToolSnapshot.of(2, 1, QuorumStatus.parse("Cannot initialize QUORUM service\n"));
        assertThat(s.up()).isTrue();
        assertThat(s.ring()).isEmpty();
        assertThat(s.numbers()).isEqualTo("expected=0 highest=0 total=0 quorum=0 flags=0 quorate=false");
    }
}
