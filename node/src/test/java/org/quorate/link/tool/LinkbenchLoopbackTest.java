package org.quorate.link.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two quorate-linkbench runs in this JVM, each with its own engine and event loop, over real UDP sockets on
 * 127.0.0.1 and 127.0.0.2 (link 0) and 127.0.1.x (link 1), AES-GCM on, fast ping timers so links come up in
 * well under a second: the whole tool over the real link layer, without namespaces.
 */
class LinkbenchLoopbackTest {
    @TempDir
    Path dir;

    @Test
    void twoRunsOnLoopbackExchangePingsWithNothingLostTwiceOrUnreachable() throws Exception {
        int port = 31000 + new Random().nextInt(2000) * 2;
        String conf = """
                totem {
                  version: 2
                  cluster_name: loop
                  secauth: on
                  keyfile: %s
                  interface {
                    linknumber: 0
                    mcastport: %d
                    knet_ping_interval: 100
                    knet_ping_timeout: 400
                  }
                  interface {
                    linknumber: 1
                    mcastport: %d
                    knet_ping_interval: 100
                    knet_ping_timeout: 400
                  }
                }
                nodelist {
                  node {
                    name: one
                    nodeid: 1
                    ring0_addr: 127.0.0.1
                    ring1_addr: 127.0.1.1
                  }
                  node {
                    name: two
                    nodeid: 2
                    ring0_addr: 127.0.0.2
                    ring1_addr: 127.0.1.2
                  }
                }
                quorum {
                  provider: corosync_votequorum
                }
                """.formatted(dir.resolve("authkey"), port, port + 1);
        byte[] key = new byte[256];
        new Random(3).nextBytes(key);
        Files.write(dir.resolve("authkey"), key);
        Path c = dir.resolve("corosync.conf");
        Files.writeString(c, conf);
        CompletableFuture<String[]> one = CompletableFuture.supplyAsync(() -> run(c, 1));
        CompletableFuture<String[]> two = CompletableFuture.supplyAsync(() -> run(c, 2));
        ObjectMapper om = new ObjectMapper();
        for (var f : List.of(one, two)) {
            String[] r = f.get(60, TimeUnit.SECONDS);
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            List<String> lines = r[1].lines().toList();
            JsonNode counts = om.readTree(lines.get(lines.size() - 1));
            JsonNode peer = counts.get("hosts").get(0);
            assertThat(r[1]).contains("link: 0 is up").doesNotContain("no active links");
            assertThat(peer.get("received").asLong()).as(r[1]).isGreaterThan(300);
            assertThat(peer.get("duplicates").asLong()).isZero();
            assertThat(peer.get("unreachable").asLong()).isZero();
            assertThat(peer.get("rttMicros").get("samples").asLong()).isPositive();
            // loopback loses nothing but what was in flight when one side started or stopped first
            assertThat(peer.get("lost").asLong()).isLessThan(50);
        }
        JsonNode status = om.readTree(Files.readString(dir.resolve("status-1.json")));
        assertThat(status.get("hosts").toString()).contains("\"connected\":true");
        assertThat(Files.readString(dir.resolve("status-1"))).contains("nodeid:          2:\tconnected");
        assertThat(Files.readString(dir.resolve("status-1.nodes"))).contains("nodeid: 2 reachable");
    }

    private String[] run(Path conf, int node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LinkbenchMain.run(Engines.real(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "-c", conf.toString(), "-n", Integer.toString(node),
                "--send-rate", "200", "--duration", "3", "--ping-pong", "--output-format", "json",
                "--status-file", dir.resolve("status-" + node).toString(), "--status-interval", "100");
        return new String[]{Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }
}
