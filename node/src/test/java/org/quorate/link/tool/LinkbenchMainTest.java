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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool over a mirror link layer (no engine, no sockets): flags, counts, status files, exit codes. */
class LinkbenchMainTest {
    @TempDir
    Path dir;

    static String conf() {
        return """
                totem {
                  version: 2
                  cluster_name: lab62
                  crypto_cipher: none
                  crypto_hash: none
                  interface {
                    linknumber: 0
                  }
                  interface {
                    linknumber: 1
                  }
                }
                nodelist {
                  node {
                    name: alpha
                    nodeid: 1
                    ring0_addr: 198.18.62.1
                    ring1_addr: 198.19.62.1
                  }
                  node {
                    name: beta
                    nodeid: 2
                    ring0_addr: 198.18.62.2
                    ring1_addr: 198.19.62.2
                  }
                  node {
                    name: gamma
                    nodeid: 3
                    ring0_addr: 198.18.62.3
                    ring1_addr: 198.19.62.3
                  }
                }
                quorum {
                  provider: corosync_votequorum
                }
                """;
    }

    record Run(int code, String out, String err) {
    }

    Run run(int refuseEvery, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LinkbenchMain.run((config, transport, scheduler) -> new MirrorLinkLayer(config, scheduler, refuseEvery),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path writeConf() throws Exception {
        Path c = dir.resolve("corosync.conf");
        Files.writeString(c, conf());
        return c;
    }

    @Test
    void aRunPrintsEventsCountsAndRoundTripsAndKeepsTheStatusFiles() throws Exception {
        Path status = dir.resolve("status");
        Run r = run(0, "-c", writeConf().toString(), "-n", "1", "--send-rate", "500", "--duration", "0.6",
                "--ping-pong", "--status-file", status.toString(), "--status-interval", "100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("host: 2 link: 0 is up", "host: 3 link: 1 is up", "host: 2 is reachable");
        for (int host : List.of(2, 3)) {
            Matcher m = Pattern.compile("host " + host + ": sent (\\d+) received (\\d+) lost 0 duplicates 0 refused 0"
                    + " link-down 0 failover 0 unreachable 0 rtt p50 [0-9.]+ ms p99 [0-9.]+ ms").matcher(r.out());
            assertThat(m.find()).as(r.out()).isTrue();
            long sent = Long.parseLong(m.group(1));
            // 500/s for 0.6 s, ticks of 10 ms: about 300, never a burst beyond one second's worth
            assertThat(sent).isBetween(150L, 500L);
            assertThat(Long.parseLong(m.group(2))).isEqualTo(sent);
        }
        assertThat(Files.readString(status)).startsWith("Local node ID 1, transport knet\n").contains("nodeid:");
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("status.json")));
        assertThat(json.isObject()).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void jsonOutputIsOneObjectPerLineEndingWithTheCounts() throws Exception {
        Run r = run(4, "-c", writeConf().toString(), "-n", "2", "--send-rate", "200", "--duration", "0.3",
                "--to", "3", "--output-format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        ObjectMapper om = new ObjectMapper();
        List<String> lines = r.out().lines().toList();
        for (String l : lines.subList(0, lines.size() - 1)) {
            assertThat(om.readTree(l).get("event").asText()).startsWith("host: ");
        }
        JsonNode counts = om.readTree(lines.get(lines.size() - 1));
        assertThat(counts.get("node").asInt()).isEqualTo(2);
        JsonNode h1 = counts.get("hosts").get(0);
        JsonNode h3 = counts.get("hosts").get(1);
        assertThat(h1.get("host").asInt()).isEqualTo(1);
        assertThat(h1.get("sent").asLong()).isZero(); // --to 3 only
        assertThat(h3.get("sent").asLong()).isPositive();
        // every 4th send is refused: counted apart, never numbered, so nothing counts as lost
        assertThat(h3.get("refused").asLong()).isPositive();
        assertThat(h3.get("received").asLong()).isEqualTo(h3.get("sent").asLong());
        assertThat(h3.get("lost").asLong()).isZero();
    }

    @Test
    void errorsNameTheFileOrTheFlagAndExit1() throws Exception {
        Path c = writeConf();
        Run missing = run(0, "-c", dir.resolve("nope.conf").toString(), "-n", "1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.conf");
        Run to = run(0, "-c", c.toString(), "-n", "1", "--to", "9");
        assertThat(to.code()).isEqualTo(1);
        assertThat(to.err()).contains("--to 9: not a remote node").contains("[2, 3]");
        Run setting = run(0, "-c", c.toString(), "-n", "1", "-S", "heartbeat_tick=1");
        assertThat(setting.code()).isEqualTo(1);
        assertThat(setting.err()).contains("-S: ").contains("heartbeat_tick");
        Run size = run(0, "-c", c.toString(), "-n", "1", "--size", "5");
        assertThat(size.code()).isEqualTo(1);
        assertThat(size.err()).contains("--size 5");
        Run node = run(0, "-c", c.toString(), "-n", "7");
        assertThat(node.code()).isEqualTo(1);
        assertThat(node.err()).contains("corosync.conf").contains("node id 7 is not in the nodelist");
        Files.writeString(c, conf().replace("ring1_addr: 198.19.62.3", "ring1_addr: 198.19.62.2"));
        Run bad = run(0, "-c", c.toString(), "-n", "1");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("nodelist.node.2.ring1_addr");
        Run status = run(0, "-c", writeConf().toString(), "-n", "1", "--status-file", dir.resolve("no/such/dir/s").toString());
        assertThat(status.code()).isEqualTo(1);
        assertThat(status.err()).contains("--status-file");
    }

    @Test
    void usageErrorsExit64() throws Exception {
        assertThat(run(0, "--no-such-flag").code()).isEqualTo(64);
        Run rate = run(0, "-c", writeConf().toString(), "--send-rate", "fast");
        assertThat(rate.code()).isEqualTo(64);
        assertThat(rate.err()).contains("--send-rate");
        Run help = run(0, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: quorate-linkbench");
    }
}
