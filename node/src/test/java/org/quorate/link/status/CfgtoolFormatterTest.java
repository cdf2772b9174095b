package org.quorate.link.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.status.StatusFixtures.link;
import static org.quorate.link.status.StatusFixtures.local;
import static org.quorate.link.status.StatusFixtures.remote;
import static org.quorate.link.status.StatusFixtures.status;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes from corosync-cfgtool.c 3.1.7 and spec §5.9; the captured vectors are in CapturedCfgtoolTest. */
class CfgtoolFormatterTest {
    private final LinkLayerStatus threeHosts = status(1, List.of("192.0.2.11", "198.51.100.11"),
            local(1, "n1", "127.0.0.1"),
            remote(2, "n2", true, link(0, "192.0.2.11", "192.0.2.12", true, 1397),
                    link(1, "198.51.100.11", "198.51.100.12", true, 1397)),
            remote(3, "n3", true, link(0, "192.0.2.11", "192.0.2.13", false, 1397),
                    link(1, "198.51.100.11", "198.51.100.13", true, 1397)));

    @Test
    void statusListsEveryNodePerLinkWithPaddedIds() {
        assertThat(CfgtoolFormatter.status(threeHosts)).isEqualTo("""
                Local node ID 1, transport knet
                LINK ID 0 udp
                \taddr\t= 192.0.2.11
                \tstatus:
                \t\tnodeid:          1:\tlocalhost
                \t\tnodeid:          2:\tconnected
                \t\tnodeid:          3:\tdisconnected
                LINK ID 1 udp
                \taddr\t= 198.51.100.11
                \tstatus:
                \t\tnodeid:          1:\tlocalhost
                \t\tnodeid:          2:\tconnected
                \t\tnodeid:          3:\tconnected
                """);
    }

    @Test
    void briefIsOneDigitPerNode() {
        assertThat(CfgtoolFormatter.brief(threeHosts)).isEqualTo("""
                Local node ID 1, transport knet
                LINK ID 0 udp
                \taddr\t= 192.0.2.11
                \tstatus\t= n31
                LINK ID 1 udp
                \taddr\t= 198.51.100.11
                \tstatus\t= n33
                """);
    }

    @Test
    void nodesListsReachableRemoteNodesWithTheirLinks() {
        assertThat(CfgtoolFormatter.nodes(threeHosts)).isEqualTo("""
                Local node ID 1, transport knet
                nodeid: 2 reachable
                   LINK: 0 udp (192.0.2.11->192.0.2.12) enabled connected mtu: 1397
                   LINK: 1 udp (198.51.100.11->198.51.100.12) enabled connected mtu: 1397

                nodeid: 3 reachable
                   LINK: 0 udp (192.0.2.11->192.0.2.13) enabled mtu: 1397
                   LINK: 1 udp (198.51.100.11->198.51.100.13) enabled connected mtu: 1397

                """);
    }

    @Test
    void linksAreThoseOfTheHighestOtherNodeAndUnreachableNodesStillShowInStatus() {
        LinkLayerStatus s = status(2, List.of("192.0.2.12", "198.51.100.12"),
                remote(3, "n3", false, link(1, "198.51.100.12", "198.51.100.13", false, 1397)),
                remote(1, "n1", true, link(0, "192.0.2.12", "192.0.2.11", true, 1397),
                        link(1, "198.51.100.12", "198.51.100.11", true, 1397)),
                local(2, "n2", "127.0.0.1"));
        assertThat(CfgtoolFormatter.status(s)).isEqualTo("""
                Local node ID 2, transport knet
                LINK ID 1 udp
                \taddr\t= 198.51.100.12
                \tstatus:
                \t\tnodeid:          1:\tconnected
                \t\tnodeid:          2:\tlocalhost
                \t\tnodeid:          3:\tdisconnected
                """);
        assertThat(CfgtoolFormatter.nodes(s)).doesNotContain("nodeid: 3");
    }

    @Test
    void ipv6AddressesAreCompressedAsInetNtopDoes() {
        assertThat(CfgtoolAddresses.host(StatusFixtures.addr("2001:db8:0:0:0:0:0:11", 5405)))
                .isEqualTo("2001:db8::11");
        assertThat(CfgtoolAddresses.host(StatusFixtures.addr("2001:db8:0:1:0:0:0:1", 5405)))
                .isEqualTo("2001:db8:0:1::1");
        assertThat(CfgtoolAddresses.host(StatusFixtures.addr("2001:db8:1:1:1:1:0:1", 5405)))
                .isEqualTo("2001:db8:1:1:1:1:0:1");
        assertThat(CfgtoolAddresses.host(StatusFixtures.addr("::1", 5405))).isEqualTo("::1");
        assertThat(CfgtoolAddresses.host(StatusFixtures.addr("::", 5405))).isEqualTo("::");
        assertThat(CfgtoolAddresses.host(StatusFixtures.addr("fe80::", 5405))).isEqualTo("fe80::");
    }
}
