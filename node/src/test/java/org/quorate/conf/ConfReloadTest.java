package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfReloadTest {
    private static ConfDocument doc(String quorum, String nodes) {
        return ConfParser.parse("r.conf", "totem {\n\tversion: 2\n}\nnodelist {\n" + nodes + "}\nquorum {\n"
            + "\tprovider: corosync_votequorum\n" + quorum + "}\n", Dialect.COROSYNC, UserDb.numericOnly());
    }

    private static String node(int id, String addr) {
        return "\tnode {\n\t\tnodeid: " + id + "\n\t\tring0_addr: " + addr + "\n\t}\n";
    }

    @Test
    void addingANodeAndChangingExpectedVotesApplyAtOnce() {
        ConfReload r = ConfReload.between(doc("", node(1, "198.19.100.1")),
            doc("\texpected_votes: 3\n", node(1, "198.19.100.1") + node(2, "198.19.100.2")));
        assertThat(r.changedKeys()).containsExactly("nodelist.node.1.nodeid", "nodelist.node.1.ring0_addr",
            "quorum.expected_votes");
        assertThat(r.ignoredUntilRestart()).isEmpty();
        assertThat(r.refusal()).isEmpty();
    }

    @Test
    void readOnlyQuorumFeaturesWaitForARestart() {
        ConfReload r = ConfReload.between(doc("\twait_for_all: 1\n", node(1, "198.19.100.1")),
            doc("\twait_for_all: 0\n\tlast_man_standing: 1\n\ttwo_node: 1\n", node(1, "198.19.100.1")));
        assertThat(r.ignoredUntilRestart()).containsExactly("quorum.last_man_standing", "quorum.wait_for_all");
        assertThat(r.changedKeys()).contains("quorum.two_node");
    }

    @Test
    void anExistingNodesAddressOnAnExistingLinkCannotChange() {
        ConfReload r = ConfReload.between(doc("", node(1, "198.19.100.1") + node(2, "198.19.100.2")),
            doc("", node(2, "198.19.100.2") + node(1, "198.19.100.9")));
        assertThat(r.refusal()).hasValueSatisfying(m -> assertThat(m)
            .startsWith("To reconfigure an interface it must be deleted and recreated.")
            .endsWith("(node 1, link 0: 198.19.100.1 -> 198.19.100.9)"));
    }
}
