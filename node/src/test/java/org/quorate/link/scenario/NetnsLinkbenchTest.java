package org.quorate.link.scenario;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.link.tool.LinkbenchMain;
import org.quorate.testsupport.lab.DaemonProcess;
import org.quorate.testsupport.lab.LabLock;
import org.quorate.testsupport.lab.NetnsLab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real engine on real sockets: three namespaces with two links each (198.18.63.H and 198.19.63.H), each
 * running quorate-linkbench (the engine over Netty UDP, AES-256-GCM from one authkey). After the links are up,
 * iptables cuts link 0 between hosts 1 and 2 both ways; host 1's corosync-cfgtool -s text must then show node 2
 * disconnected on link 0 and connected on link 1, and no host may have lost another.
 */
@Tag("realstack")
@Tag("slow")
class NetnsLinkbenchTest {
    @TempDir
    Path dir;

    @Test
    void threeHostsTwoLinksWithLinkZeroCutBetweenTwoOfThem() throws Exception {
        Path conf = dir.resolve("corosync.conf");
        Files.writeString(conf, conf());
        Path key = dir.resolve("authkey");
        byte[] secret = new byte[256];
        new SplittableRandom(63).nextBytes(secret);
        Files.write(key, secret);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        String java = ProcessHandle.current().info().command().orElse("java");
        try (LabLock lock = LabLock.acquire(Duration.ofMinutes(10)); NetnsLab lab = NetnsLab.open("link63")) {
            List<DaemonProcess> benches = new ArrayList<>();
            for (int h = 1; h <= 3; h++) {
                lab.addHost("n" + h, "198.18.63." + h, "198.19.63." + h);
            }
            for (int h = 1; h <= 3; h++) {
                benches.add(lab.start("n" + h, "linkbench", List.of(java, "-cp", System.getProperty("java.class.path"),
                        LinkbenchMain.class.getName(), "-c", conf.toString(), "-n", Integer.toString(h), "-k",
                        key.toString(), "--send-rate", "100", "--duration", "45", "--status-file",
                        dir.resolve("status" + h).toString(), "--status-interval", "200", "--verbose")));
            }
            Path status1 = dir.resolve("status1");
            assertThat(await(() -> read(status1).split("disconnected", -1).length == 1
                    && read(status1).contains("connected"), Duration.ofSeconds(30)))
                    .as("every link up on host 1: " + read(status1)).isTrue();
            Thread.sleep(12_000); // knet's backoff decays from 10 x the pong timeout
            String before = read(status1);
            lab.execOk("n1", "iptables", "-I", "INPUT", "-s", "198.18.63.2", "-j", "DROP");
            lab.execOk("n1", "iptables", "-I", "OUTPUT", "-d", "198.18.63.2", "-j", "DROP");
            assertThat(await(() -> read(status1).contains("disconnected"), Duration.ofSeconds(10)))
                    .as("link 0 to node 2 shown down").isTrue();
            Thread.sleep(1000);
            String after = read(status1);
            System.out.println("corosync-cfgtool -s shape, host 1, before the cut:\n" + before);
            System.out.println("corosync-cfgtool -s shape, host 1, link 0 to node 2 cut:\n" + after);
            String link0 = after.substring(after.indexOf("LINK ID 0"), after.indexOf("LINK ID 1"));
            String link1 = after.substring(after.indexOf("LINK ID 1"));
            assertThat(link0).containsPattern("nodeid:\\s+2:\\s+disconnected").containsPattern("nodeid:\\s+3:\\s+connected");
            assertThat(link1).containsPattern("nodeid:\\s+2:\\s+connected");
            // byte for byte what real corosync 3.1.7 printed in the same state (helper C's lab, cluster 61)
            try (var real = NetnsLinkbenchTest.class.getResourceAsStream("/link/cfgtool/cut-node1-s.txt")) {
                assertThat(after.replace(".63.", ".61.")).isEqualTo(new String(real.readAllBytes()));
            }
            System.out.println("corosync-cfgtool -n shape, host 1, link 0 to node 2 cut:\n"
                    + read(dir.resolve("status1.nodes")));
            for (DaemonProcess d : benches) {
                assertThat(await(() -> !d.isAlive(), Duration.ofSeconds(60))).isTrue();
                String out = Files.readString(d.log());
                System.out.println("---- " + d.host().name() + "\n" + tail(out, 25));
                assertThat(out).doesNotContain("has no active links");
            }
        }
    }

    private static String conf() {
        StringBuilder b = new StringBuilder("""
                totem {
                  version: 2
                  cluster_name: lab63
                  crypto_cipher: aes256
                  crypto_hash: sha256
                  interface {
                    linknumber: 0
                  }
                  interface {
                    linknumber: 1
                  }
                }
                nodelist {
                """);
        for (int h = 1; h <= 3; h++) {
            b.append("  node {\n    name: n").append(h).append("\n    nodeid: ").append(h)
                    .append("\n    ring0_addr: 198.18.63.").append(h).append("\n    ring1_addr: 198.19.63.").append(h)
                    .append("\n  }\n");
        }
        return b.append("}\nquorum {\n  provider: corosync_votequorum\n}\n").toString();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String tail(String s, int lines) {
        List<String> l = s.lines().toList();
        return String.join("\n", l.subList(Math.max(0, l.size() - lines), l.size()));
    }

    private static boolean await(java.util.function.BooleanSupplier c, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            if (c.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return c.getAsBoolean();
    }
}
