package org.quorate.link.tool;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * quorate-linkbench over real UDP in network namespaces, AEAD on, corosync's default timings (token 3000):
 * traffic flows on 2 and 3 hosts with 2 links; cutting link 0 (one way, then both ways) moves the traffic to
 * link 1 with no host-unreachable event; cutting both links makes the host unreachable, healing brings it
 * back; 2 % random loss and 20 ms jitter on every link declare no link down.
 */
@Tag("realstack")
@Tag("slow")
class LinkbenchNetnsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void threeHostsCutLinkZeroOneWayThenBothWaysTrafficStaysOnLinkOne() throws Exception {
        try (LinkbenchLab lab = LinkbenchLab.open("lb3", 3, "")) {
            for (int i = 1; i <= 3; i++) {
                lab.start(i, "--send-rate", "100", "--duration", "26");
            }
            LinkbenchLab.sleep(Duration.ofSeconds(8));
            JsonNode before = lab.status(1);
            assertThat(LinkbenchLab.link(before, 2, 0).get("connected").asBoolean()).as(before.toString()).isTrue();
            assertThat(LinkbenchLab.link(before, 2, 0).get("carries_traffic").asBoolean()).isTrue();
            lab.cutOneWay(1, 2, 0);
            LinkbenchLab.sleep(Duration.ofSeconds(6));
            lab.cut(1, 2, 0);
            LinkbenchLab.sleep(Duration.ofSeconds(6));
            JsonNode during = lab.status(1);
            String cfgtool = lab.statusText(1);
            assertThat(LinkbenchLab.link(during, 2, 0).get("carries_traffic").asBoolean()).as(during.toString()).isFalse();
            assertThat(LinkbenchLab.link(during, 2, 1).get("carries_traffic").asBoolean()).isTrue();
            assertThat(LinkbenchLab.link(during, 3, 0).get("carries_traffic").asBoolean()).isTrue();
            String nodes = lab.statusNodes(1);
            System.out.println("corosync-cfgtool -s of node 1, link 0 to node 2 cut both ways:\n" + cfgtool);
            System.out.println("corosync-cfgtool -n of node 1, same moment:\n" + nodes);
            assertThat(cfgtool).contains("nodeid:          2:\tdisconnected", "nodeid:          3:\tconnected");
            assertThat(nodes).contains("nodeid: 2 reachable");
            lab.heal();
            LinkbenchLab.Output n1 = lab.await(1, WAIT);
            LinkbenchLab.Output n2 = lab.await(2, WAIT);
            LinkbenchLab.Output n3 = lab.await(3, WAIT);
            for (LinkbenchLab.Output o : java.util.List.of(n1, n2, n3)) {
                System.out.println(o.counts());
                assertThat(o.has("host: ") && o.events().stream().noneMatch(e -> e.contains("has no active links")))
                        .as(o.log()).isTrue();
                for (JsonNode h : o.counts().get("hosts")) {
                    assertThat(h.get("unreachable").asLong()).as(o.log()).isZero();
                    assertThat(h.get("duplicates").asLong()).isZero();
                    assertThat(h.get("received").asLong()).isGreaterThan(1500);
                }
            }
            // link 0 between 1 and 2 is declared down on at least one side, never between 1 and 3
            assertThat(n1.has("host: 2 link: 0 is down") || n2.has("host: 1 link: 0 is down")).as(n1.log()).isTrue();
            assertThat(n1.has("host: 3 link: 0 is down")).isFalse();
            // failover: what was lost between 1 and 2 is at most a few ping intervals' worth (912 ms at 3 nodes)
            assertThat(n2.host(1).get("lost").asLong()).as(n2.log()).isLessThan(400);
            assertThat(n1.host(2).get("lost").asLong()).as(n1.log()).isLessThan(400);
        }
    }

    @Test
    void twoHostsCutBothLinksUnreachableThenHealedReachable() throws Exception {
        try (LinkbenchLab lab = LinkbenchLab.open("lb2", 2, "")) {
            lab.start(1, "--send-rate", "100", "--duration", "24");
            lab.start(2, false, "--send-rate", "100", "--duration", "24"); // finds node id 2 by its addresses
            LinkbenchLab.sleep(Duration.ofSeconds(7));
            lab.cut(1, 2, 0);
            lab.cut(1, 2, 1);
            LinkbenchLab.sleep(Duration.ofSeconds(7));
            assertThat(lab.status(1).get("hosts").get(1).get("reachable").asBoolean()).isFalse();
            lab.heal();
            LinkbenchLab.Output n1 = lab.await(1, WAIT);
            LinkbenchLab.Output n2 = lab.await(2, WAIT);
            for (LinkbenchLab.Output o : java.util.List.of(n1, n2)) {
                int peer = o == n1 ? 2 : 1;
                System.out.println(o.counts());
                assertThat(o.has("host: " + peer + " has no active links")).as(o.log()).isTrue();
                assertThat(o.host(peer).get("unreachable").asLong()).isEqualTo(1);
                assertThat(o.host(peer).get("reachable").asLong()).as(o.log()).isEqualTo(2);
                assertThat(o.host(peer).get("duplicates").asLong()).isZero();
            }
            // traffic came back after the heal: the sender's numbers went on and the receiver saw the last ones
            long sent = n2.host(1).get("sent").asLong();
            assertThat(n1.host(2).get("received").asLong() + n1.host(2).get("lost").asLong()).isEqualTo(sent);
            assertThat(n1.host(2).get("received").asLong()).isGreaterThan(sent / 2);
            assertThat(n2.counts().get("node").asInt()).isEqualTo(2);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void twoPercentLossOnEveryLinkDeclaresNoLinkDown() throws Exception {
        long seconds = Long.getLong("quorate.linkbench.loss.seconds", 60);
        try (LinkbenchLab lab = LinkbenchLab.open("lbloss", 2, "")) {
            lab.rxLoss(1, 0.02);
            lab.rxLoss(2, 0.02);
            // and 20 ms of jitter (20 ms +- 20 ms, uniform) in user space: no netem on this kernel
            String[] jitter = {"--impair-rx-delay", "20", "--impair-rx-jitter", "20"};
            lab.start(1, concat(new String[]{"--send-rate", "50", "--duration", Long.toString(seconds), "--impair-seed", "1"}, jitter));
            lab.start(2, concat(new String[]{"--send-rate", "50", "--duration", Long.toString(seconds), "--impair-seed", "2"}, jitter));
            Duration wait = Duration.ofSeconds(seconds + 60);
            LinkbenchLab.Output n1 = lab.await(1, wait);
            LinkbenchLab.Output n2 = lab.await(2, wait);
            for (LinkbenchLab.Output o : java.util.List.of(n1, n2)) {
                int peer = o == n1 ? 2 : 1;
                System.out.println(o.counts());
                assertThat(o.events()).as(o.log()).noneMatch(e -> e.contains(" is down") || e.contains("no active links"));
                assertThat(o.host(peer).get("linkDown").asLong()).isZero();
                // the link layer does not repair: about 2 % of the messages are lost, and they are counted
                double lossRatio = o.host(peer).get("lost").asDouble() / Math.max(1, o.host(peer).get("received").asLong());
                System.out.printf(java.util.Locale.ROOT, "node %d: %.2f %% of host %d's messages lost%n",
                        o.counts().get("node").asInt(), 100 * lossRatio, peer);
                assertThat(lossRatio).isBetween(0.005, 0.05);
            }
        }
    }
}
