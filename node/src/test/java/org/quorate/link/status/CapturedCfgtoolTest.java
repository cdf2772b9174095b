package org.quorate.link.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CfgtoolFormatter against the texts real corosync-cfgtool 3.1.7 printed in the link lab
 * (src/test/resources/link/cfgtool, made by CfgtoolVectorsRealTest): the same lab state is built as a
 * {@link LinkLayerStatus} from the lab's plan (3 nodes, node I at 198.18.61.I on link 0 and 198.19.61.I on link
 * 1, ports 5405/5406, knet's data MTU 1397 on a 1500-byte veth with aes256/sha256) and must print byte for byte.
 */
class CapturedCfgtoolTest {
    private static final int NODES = 3;
    private static final int MTU = 1397;

    static List<Arguments> vectors() {
        List<Arguments> all = new ArrayList<>();
        for (String state : List.of("up", "cut")) {
            for (int node = 1; node <= NODES; node++) {
                for (String form : List.of("s", "sb", "n")) {
                    all.add(Arguments.of(state, node, form));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}-node{1}-{2}")
    @MethodSource("vectors")
    void printsWhatRealCfgtoolPrinted(String state, int node, String form) throws IOException {
        LinkLayerStatus s = labState(node, state.equals("cut"));
        String ours = switch (form) {
            case "s" -> CfgtoolFormatter.status(s);
            case "sb" -> CfgtoolFormatter.brief(s);
            default -> CfgtoolFormatter.nodes(s);
        };
        assertThat(ours).isEqualTo(captured(state + "-node" + node + "-" + form + ".txt"));
    }

    /** The lab as node {@code local} sees it; {@code cut}: link 0 between node 1 and node 2 dropped both ways. */
    private static LinkLayerStatus labState(int local, boolean cut) {
        List<LocalLink> locals = List.of(new LocalLink(0, "udp", address(local, 0)),
                new LocalLink(1, "udp", address(local, 1)));
        List<HostStatus> hosts = new ArrayList<>();
        for (int peer = 1; peer <= NODES; peer++) {
            if (peer == local) {
                InetSocketAddress lo = new InetSocketAddress("127.0.0.1", 0);
                hosts.add(new HostStatus(peer, "c61n" + peer, true, true, List.of(new LinkStatus(0, lo, lo, true, true,
                        true, 0, 65535, "", LinkCounters.ZERO, 0, 0, 0, 0, 1, 0, 0))));
                continue;
            }
            List<LinkStatus> links = new ArrayList<>();
            for (int link = 0; link < 2; link++) {
                boolean down = cut && link == 0 && Math.min(local, peer) == 1 && Math.max(local, peer) == 2;
                links.add(new LinkStatus(link, address(local, link), address(peer, link), true, !down, !down, 1, MTU,
                        down ? "down: no pong" : "", LinkCounters.ZERO, 100, 150, 300, 10, 1, down ? 1 : 0, 0));
            }
            hosts.add(new HostStatus(peer, "c61n" + peer, false, true, links));
        }
        return new LinkLayerStatus(local, "knet", locals, hosts, 0, 0);
    }

    private static InetSocketAddress address(int node, int link) {
        return new InetSocketAddress((link == 0 ? "198.18.61." : "198.19.61.") + node, 5405 + link);
    }

    private static String captured(String name) throws IOException {
        try (InputStream in = CapturedCfgtoolTest.class.getResourceAsStream("/link/cfgtool/" + name)) {
            assertThat(in).as("captured vector %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
