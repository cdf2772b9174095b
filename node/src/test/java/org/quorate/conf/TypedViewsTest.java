package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TypedViewsTest {
    private static CorosyncConfig config(String totemExtra, int nodes, String quorumExtra) {
        StringBuilder sb = new StringBuilder("totem {\n\tversion: 2\n" + totemExtra + "}\nnodelist {\n");
        for (int i = 1; i <= nodes; i++) {
            sb.append("\tnode {\n\t\tnodeid: ").append(i).append("\n\t\tname: n").append(i)
                .append("\n\t\tring0_addr: 198.19.100.").append(i).append("\n\t}\n");
        }
        sb.append("}\nquorum {\n\tprovider: corosync_votequorum\n").append(quorumExtra).append("}\n");
        return CorosyncConfig.of(ConfParser.parse("v.conf", sb.toString(), Dialect.COROSYNC, UserDb.numericOnly()));
    }

    /** The table of spec §1.5 (checked against totemconfig.c's formulas). */
    @ParameterizedTest
    @CsvSource({
        "2, 650, 3000, 714, 561, 3600, 1500, 750",
        "3, 650, 3650, 869, 685, 4380, 1825, 912",
        "3, 125, 3125, 744, 585, 3750, 1562, 781",
        "4, 125, 3250, 773, 608, 3900, 1625, 812",
        "4, 650, 4300, 1023, 808, 5160, 2150, 1075",
        "5, 125, 3375, 803, 632, 4050, 1687, 843",
        "15, 650, 11450, 2726, 2170, 13740, 5725, 2862",
        "15, 125, 4625, 1101, 870, 5550, 2312, 1156"})
    void derivedTimersMatchCorosync(int nodes, int coefficient, long tokenEff, long retransmit, long hold, long consensus,
                                    long pingTimeout, long pingInterval) {
        CorosyncConfig c = config("\ttoken_coefficient: " + coefficient + "\n", nodes, "");
        assertThat(c.timers()).isEqualTo(new TotemTimers(tokenEff, retransmit, hold, consensus, 50, 200, 1000, 50));
        LinkConfig link = c.links().get(0);
        assertThat(link.pingTimeout()).isEqualTo(pingTimeout);
        assertThat(link.pingInterval()).isEqualTo(pingInterval);
        assertThat(link.pongCount()).isEqualTo(2);
        assertThat(link.port()).isEqualTo(5405);
    }

    @Test
    void aConfiguredZeroIsTheDefaultWhereCorosyncSaysSo() {
        CorosyncConfig c = config("\ttoken: 0\n\tsend_join: 0\n\tinterface {\n\t\tlinknumber: 0\n\t\tknet_link_priority: 0\n"
            + "\t\tknet_pong_count: 0\n\t}\n", 2, "");
        assertThat(c.totem().get(TotemKey.TOKEN)).isEqualTo(3000);
        assertThat(c.totem().configured(TotemKey.SEND_JOIN)).isTrue();
        assertThat(c.links().get(0).priority()).isEqualTo(1);
        assertThat(c.links().get(0).pongCount()).isEqualTo(2);
        assertThat(c.totem().netmtu()).isEqualTo(65536);
        assertThat(c.totem().cryptoCipher()).isEqualTo("none");
    }

    @Test
    void quorumFlagsAndDefaults() {
        QuorumConfig q = config("", 2, "\ttwo_node: 1\n\tauto_tie_breaker: 2\n\tauto_tie_breaker_node: 3 1 x 5\n").quorum();
        assertThat(q.twoNode()).isTrue();
        assertThat(q.waitForAll()).as("wait_for_all follows two_node when not set").isTrue();
        assertThat(q.autoTieBreaker()).isTrue();
        assertThat(q.autoTieBreakerNode().nodes()).containsExactly(3L, 1L);
        assertThat(q.lastManStandingWindow()).isEqualTo(10000);
        assertThat(q.device()).isEmpty();
        QuorumConfig d = config("", 2, "\twait_for_all: 0\n\ttwo_node: 1\n\tdevice {\n\t\tmodel: net\n\t\tnet {\n\t\t\thost: q\n"
            + "\t\t}\n\t}\n").quorum();
        assertThat(d.waitForAll()).isFalse();
        assertThat(d.device().orElseThrow().votes()).isEmpty();
        assertThat(d.device().orElseThrow().timeout()).isEqualTo(10000);
        assertThat(d.device().orElseThrow().net()).containsEntry("host", "q");
    }

    @Test
    void nodesKeepTheirPositionIdVotesAndRings() {
        List<NodeConfig> nodes = config("", 3, "").nodes();
        assertThat(nodes).extracting(n -> n.nodeId().getAsLong()).containsExactly(1L, 2L, 3L);
        assertThat(nodes.get(1).ringAddresses()).containsEntry(0, "198.19.100.2");
        assertThat(nodes.get(1).votes()).isEqualTo(1);
        assertThat(nodes.get(1).displayName()).isEqualTo("n2");
    }

    @Test
    void loggingDefaultsAndSubsystems() {
        ConfDocument doc = ConfParser.parse("l.conf", "totem {\n\tversion: 2\n}\nlogging {\n\tto_syslog: no\n"
            + "\tlogger_subsys {\n\t\tsubsys: QUORUM\n\t\tdebug: on\n\t}\n}\n", Dialect.COROSYNC, UserDb.numericOnly());
        LoggingConfig l = LoggingConfig.of(doc);
        assertThat(l.toSyslog()).isFalse();
        assertThat(l.toStderr()).isTrue();
        assertThat(l.timestamp()).isEqualTo("hires");
        assertThat(l.subsystems().get("QUORUM")).containsEntry("debug", "on");
    }
}
