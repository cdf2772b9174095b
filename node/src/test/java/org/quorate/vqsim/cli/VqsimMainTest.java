package org.quorate.vqsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VqsimMainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private Path conf() throws Exception {
        return Files.writeString(dir.resolve("corosync.conf"), String.join("\n",
                "totem {", "    version: 2", "    cluster_name: t", "}", "nodelist {",
                "    node {", "        nodeid: 1", "        ring0_addr: 198.18.3.1", "    }",
                "    node {", "        nodeid: 2", "        ring0_addr: 198.18.3.2", "    }",
                "    node {", "        nodeid: 3", "        ring0_addr: 198.18.3.3", "    }", "}",
                "quorum {", "    provider: corosync_votequorum", "}", ""));
    }

    @Test
    void runsAScriptFileAndPrintsShow() throws Exception {
        Path script = Files.writeString(dir.resolve("s.vqsim"), "split 1:3\ncheck\nshow\n");
        int code = VqsimMain.run("-c", conf().toString(), script.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("1:3: q=0 ring=[")
                .contains("0:1: q=1 ring=[")
                .contains("] nodes=[1 2] expected=3 highest=3 total=2 quorum=2 flags=2 (Quorate)")
                .contains("#autofence: off");
    }

    @Test
    void jsonFormat() throws Exception {
        Path script = Files.writeString(dir.resolve("s.vqsim"), "down 3\n");
        assertThat(VqsimMain.run("-c", conf().toString(), "--output-format", "json", script.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(6)
                .last().asString().startsWith("{\"step\":1,\"command\":\"down 3\",\"node\":3,\"partition\":0,\"up\":false");
    }

    @Test
    void exitCodes() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.vqsim"), "show\nup x\n");
        assertThat(VqsimMain.run("-c", conf().toString(), bad.toString())).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad + ":2: node id \"x\" is not a number");
        Path brokenConf = Files.writeString(dir.resolve("broken.conf"), "quorum {\n");
        assertThat(VqsimMain.run("-c", brokenConf.toString(), bad.toString())).isEqualTo(5);
        assertThat(VqsimMain.run("--no-such-option")).isEqualTo(64);
        assertThat(VqsimMain.run("-c", conf().toString(), "-o", dir.resolve("no/such/dir/out").toString(), bad.toString())).isEqualTo(3);
        assertThat(VqsimMain.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit codes:").contains("--output-format");
    }

    @Test
    void randomRunsReportTheirFigures() {
        int code = VqsimMain.run("--random", "--seed", "5", "--seeds", "20", "--steps", "50", "--threads", "1",
                "--engine", "reference");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("seeds 20 (from 5), steps ")
                .contains("failed seeds 0").contains("S1 allowed: two_node ");
    }

    @Test
    void aFailingSeedIsReportedWithItsReplayFilesAndTheScriptItself() throws Exception {
        // an engine that counts node 1 with two votes disagrees with the reference model (S2)
        org.quorate.vqsim.random.EngineFactory mutated = (cmap, loader) -> {
            java.util.Map<String, String> m = new java.util.TreeMap<>(cmap);
            m.put("nodelist.node.0.quorum_votes", "2");
            return new org.quorate.vqsim.reference.ReferenceCluster(m, loader);
        };
        var failure = org.quorate.vqsim.random.Campaign.run(1, 20, 50, 1, mutated, 20).failures().get(0);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        VqsimMain.reportFailure(new PrintStream(report, true, StandardCharsets.UTF_8), failure, dir);
        String text = report.toString(StandardCharsets.UTF_8);
        Path replay = dir.resolve("seed-" + failure.seed() + ".vqsim");
        assertThat(text).startsWith("seed " + failure.seed() + " failed at step " + failure.failedStep() + ":")
                .contains("  S2: node ", "  replay: quorate-vqsim -c " + dir.resolve("seed-" + failure.seed() + ".conf"))
                .contains("  | # quorate-vqsim --random --seed " + failure.seed());
        assertThat(text.lines().filter(l -> l.startsWith("  | ")).count())
                .as("every line of the written script is printed").isEqualTo(Files.readString(replay).lines().count());
    }
}
