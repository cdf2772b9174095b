package org.quorate.link.tool;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover time over real sockets: 2 hosts send 1000 messages/s each way; link 0 is cut both ways while traffic
 * flows. The messages lost in a direction, divided by the rate, are how long that direction had no working
 * link: the failover time, within 1 ms. At corosync's default timings (2 nodes: ping 750 ms, timeout 1500 ms)
 * and at a fast profile (ping 100 ms, timeout 200 ms), with knet's 200 ms tick and with a 50 ms one.
 */
@Tag("bench")
@Tag("realstack")
class FailoverNetnsBenchTest {
    @Test
    void failoverTimeAtDefaultAndFastTimings() throws Exception {
        for (String[] profile : List.of(new String[]{"default", ""},
                new String[]{"fast", ""}, new String[]{"fasttick", ""})) {
            try (LinkbenchLab lab = LinkbenchLab.open("fo" + profile[0], 2, profile[1])) {
                if (profile[0].startsWith("fast")) {
                    for (int i = 1; i <= 2; i++) {
                        var etc = lab.lab.host(LinkbenchLab.name(i)).etc().resolve("corosync.conf");
                        String c = java.nio.file.Files.readString(etc).replace("knet_link_priority: 20",
                                "knet_link_priority: 20\n    knet_ping_interval: 100\n    knet_ping_timeout: 200");
                        java.nio.file.Files.writeString(etc, c);
                    }
                }
                // fasttick: the fast profile with a 50 ms heartbeat tick (knet's is 200 ms)
                String tick = profile[0].equals("fasttick") ? "heartbeat_tick=50" : "heartbeat_tick=200";
                lab.start(1, "--send-rate", "1000", "--duration", "16", "-S", tick);
                lab.start(2, "--send-rate", "1000", "--duration", "16", "-S", tick);
                LinkbenchLab.sleep(Duration.ofSeconds(7));
                lab.cut(1, 2, 0);
                LinkbenchLab.Output n1 = lab.await(1, Duration.ofSeconds(60));
                LinkbenchLab.Output n2 = lab.await(2, Duration.ofSeconds(60));
                for (LinkbenchLab.Output o : List.of(n1, n2)) {
                    int peer = o == n1 ? 2 : 1;
                    long lost = o.host(peer).get("lost").asLong();
                    System.out.printf(Locale.ROOT, "BENCH failover %s: host %d -> %d had no link for %d ms"
                                    + " (%d messages lost at 1000/s), unreachable events %d, link-down %d%n", profile[0],
                            peer, o.counts().get("node").asInt(), lost, lost, o.host(peer).get("unreachable").asLong(),
                            o.host(peer).get("linkDown").asLong());
                    assertThat(o.host(peer).get("unreachable").asLong()).isZero();
                }
            }
        }
    }
}
