package org.quorate.testsupport.lab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuorumStatusTest {
    static final String TWO_NODE_QDEVICE = """
            Quorum information
            ------------------
            Date:             Sat Nov 28 00:03:28 2026
            Quorum provider:  corosync_votequorum
            Nodes:            2
            Node ID:          1
            Ring ID:          1.9
            Quorate:          Yes

            Votequorum information
            ----------------------
            Expected votes:   3
            Highest expected: 3
            Total votes:      3
            Quorum:           2 \s
            Flags:            Quorate Qdevice\s

            Membership information
            ----------------------
                Nodeid      Votes    Qdevice Name
                     1          1    A,V,NMW c1n1 (local)
                     2          1    A,V,NMW c1n2
                     0          1            Qdevice
            """;

    static final String SPLIT_LOSER = """
            Quorum information
            ------------------
            Date:             Sat Nov 28 00:05:01 2026
            Quorum provider:  corosync_votequorum
            Nodes:            1
            Node ID:          2
            Ring ID:          2.d
            Quorate:          No

            Votequorum information
            ----------------------
            Expected votes:   3
            Highest expected: 3
            Total votes:      1
            Quorum:           2 Activity blocked
            Flags:            Qdevice\s

            Membership information
            ----------------------
                Nodeid      Votes    Qdevice Name
                     2          1   A,NV,NMW c1n2 (local)
                     0          0            Qdevice (votes 1)
            """;

    @Test
    void parsesAQuorateTwoNodeClusterWithTheQdeviceVote() {
        QuorumStatus s = QuorumStatus.parse(TWO_NODE_QDEVICE);
        assertThat(s.available()).isTrue();
        assertThat(s.quorate()).isTrue();
        assertThat(s.nodeId()).isEqualTo(1);
        assertThat(s.ringId()).isEqualTo("1.9");
        assertThat(s.expectedVotes()).isEqualTo(3);
        assertThat(s.totalVotes()).isEqualTo(3);
        assertThat(s.quorum()).isEqualTo(2);
        assertThat(s.flags()).containsExactlyInAnyOrder("Quorate", "Qdevice");
        assertThat(s.members()).containsExactly(new QuorumMember(1, 1, "A,V,NMW", "c1n1", true),
                new QuorumMember(2, 1, "A,V,NMW", "c1n2", false));
        assertThat(s.qdeviceVotes()).isEqualTo(1);
        assertThat(s.quorateWithQdevice(2)).isTrue();
        assertThat(s.quorateWithQdevice(3)).isFalse();
        assertThat(s.compact()).isEqualTo("quorate=Y ring=1.9 tv=3 ev=3 q=2 flags=Quorate,Qdevice members=1:A,V,NMW 2:A,V,NMW qd=1");
    }

    @Test
    void parsesTheLoserOfASplit() {
        QuorumStatus s = QuorumStatus.parse(SPLIT_LOSER);
        assertThat(s.quorate()).isFalse();
        assertThat(s.quorum()).isEqualTo(2);
        assertThat(s.flags()).containsExactly("Qdevice");
        QuorumMember m = s.member(2).orElseThrow();
        assertThat(m.qdeviceAlive()).isTrue();
        assertThat(m.qdeviceVoting()).isFalse();
        assertThat(m.local()).isTrue();
        assertThat(s.qdeviceVotes()).isZero();
        assertThat(s.qdeviceVoteCounted()).isFalse();
        assertThat(s.quorateWithQdevice(1)).isFalse();
    }

    @Test
    void parsesAClusterWithoutQuorumDevice() {
        QuorumStatus s = QuorumStatus.parse("""
                Quorate:          Yes
                Flags:            2Node Quorate WaitForAll\s
                Membership information
                ----------------------
                    Nodeid      Votes Name
                         1          1 c1n1 (local)
                         2          1 c1n2
                """);
        assertThat(s.members()).extracting(QuorumMember::name).containsExactly("c1n1", "c1n2");
        assertThat(s.members()).allMatch(m -> m.qdeviceFlags().isEmpty());
        assertThat(s.qdeviceVotes()).isNull();
        assertThat(s.qdeviceRegistered()).isFalse();
    }

    @Test
    void toolErrorsGiveAnUnavailableState() {
        QuorumStatus s = QuorumStatus.parse("Cannot initialize QUORUM service\n");
        assertThat(s.available()).isFalse();
        assertThat(s.quorate()).isFalse();
        assertThat(s.compact()).isEqualTo("down (Cannot initialize QUORUM service)");
    }
}
