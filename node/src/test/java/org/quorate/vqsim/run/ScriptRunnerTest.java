package org.quorate.vqsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quorate.vqsim.Cmaps;
import org.quorate.vqsim.reference.ReferenceCluster;
import org.quorate.vqsim.script.ScriptException;
import org.quorate.vqsim.script.ScriptParser;

/** The runner over a ClusterDriver; the reference model stands in for the engine here (and as the check). */
class ScriptRunnerTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> engineConf, Map<String, String> refConf, StepSink sink, String script) throws Exception {
        ScriptRunner r = new ScriptRunner(new ReferenceCluster(engineConf, p -> null), new ReferenceCluster(refConf, p -> null),
                sink, new PrintStream(err, true, StandardCharsets.UTF_8), "t.vqsim");
        return r.run(new ScriptParser("t.vqsim", Path.of("")).parse(new StringReader(script)));
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showPrintsVqsimsLinePlusTheNumbers() throws Exception {
        int code = run(Cmaps.nodes(3).map(), Cmaps.nodes(3).map(), new TextSink(new PrintStream(out, true, StandardCharsets.UTF_8)),
                "show\ndown 3\n");
        assertThat(code).isZero();
        assertThat(text()).isEqualTo(String.join("\n",
                "0:1: q=1 ring=[1.4] nodes=[1 2 3] expected=3 highest=3 total=3 quorum=2 flags=2 (Quorate)",
                "0:2: q=1 ring=[1.4] nodes=[1 2 3] expected=3 highest=3 total=3 quorum=2 flags=2 (Quorate)",
                "0:3: q=1 ring=[1.4] nodes=[1 2 3] expected=3 highest=3 total=3 quorum=2 flags=2 (Quorate)",
                "#autofence: off",
                // down is a synchronous membership command: vqsim shows the state by itself after it
                "0:1: q=1 ring=[1.8] nodes=[1 2] expected=3 highest=3 total=2 quorum=2 flags=2 (Quorate)",
                "0:2: q=1 ring=[1.8] nodes=[1 2] expected=3 highest=3 total=2 quorum=2 flags=2 (Quorate)",
                "0:3: down",
                "#autofence: off", ""));
    }

    @Test
    void jsonHasOneObjectPerNodePerStep() throws Exception {
        run(Cmaps.nodes(2).map(), Cmaps.nodes(2).map(), new JsonSink(new PrintStream(out, true, StandardCharsets.UTF_8)),
                "move 1:2\nshow\n");
        List<String> lines = text().lines().toList();
        assertThat(lines).hasSize(6);
        JsonNode start = new ObjectMapper().readTree(lines.get(0));
        assertThat(start.get("step").asInt()).isZero();
        assertThat(start.get("command").isNull()).isTrue();
        JsonNode moved = new ObjectMapper().readTree(lines.get(3));
        assertThat(moved.get("step").asInt()).isEqualTo(1);
        assertThat(moved.get("command").asText()).isEqualTo("move 1:2");
        assertThat(moved.get("node").asLong()).isEqualTo(2);
        assertThat(moved.get("partition").asInt()).isEqualTo(1);
        assertThat(moved.get("up").asBoolean()).isTrue();
        assertThat(moved.get("quorate").asBoolean()).isFalse();
        assertThat(moved.get("members").toString()).isEqualTo("[2]");
        assertThat(moved.get("expected").asLong()).isEqualTo(2);
        assertThat(moved.get("highest_expected").asLong()).isEqualTo(2);
        assertThat(moved.get("total_votes").asLong()).isEqualTo(1);
        assertThat(moved.get("quorum").asLong()).isEqualTo(2);
        assertThat(moved.get("flags").asInt()).isZero();
        assertThat(moved.get("ring").asText()).isNotEmpty();
    }

    @Test
    void checkAgreesWithTheSameModelAndFailsOnAMutatedOne() throws Exception {
        String script = "check\ndown 3\ncheck\n";
        assertThat(run(Cmaps.nodes(3).map(), Cmaps.nodes(3).map(), StepSink.NONE, script)).isZero();
        // the reference is fed a different configuration (node 1 has two votes): the check must see it
        int code = run(Cmaps.nodes(3).map(), Cmaps.nodes(3).votes(1, 2).map(), StepSink.NONE, script);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("t.vqsim:1: check failed:")
                .contains("node 1: engine [partition=0 members=[1, 2, 3] expected=3 highest=3 total=3 quorum=2 flags=2 quorate=true]"
                        + " reference [partition=0 members=[1, 2, 3] expected=4 highest=4 total=4 quorum=3 flags=2 quorate=true]");
    }

    @Test
    void assertOnStopsAtTheFirstFailedCheck() throws Exception {
        int code = run(Cmaps.nodes(3).map(), Cmaps.nodes(3).votes(1, 2).map(), StepSink.NONE, "assert on\ncheck\ncheck\n");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsOnlyOnce("check failed");
    }

    @Test
    void refusalsThatDifferAreReportedByTheNextCheck() throws Exception {
        // with node 1 at 2 votes, the reference counts 4 present votes and refuses expected 3
        int code = run(Cmaps.nodes(3).map(), Cmaps.nodes(3).votes(1, 2).map(), StepSink.NONE, "expected 3 1\nexpected 3 1\ncheck\n");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected 3 1: engine accepted, reference refused");
    }

    @Test
    void autofenceDownsTheInquorateSide() throws Exception {
        run(Cmaps.nodes(3).map(), Cmaps.nodes(3).map(), new TextSink(new PrintStream(out, true, StandardCharsets.UTF_8)),
                "autofence on\nmove 1:3\ncheck\n");
        assertThat(text()).contains("1:3: Quit (autofenced)").contains("1:3: down").doesNotContain("1:3: q=");
    }

    @Test
    void heldSyncTimesOutAndAssertExitsTwo() throws Exception {
        // a device that stopped polling holds the next sync for sync_timeout (30 s) > timeout 250 ms
        Map<String, String> c = Cmaps.nodes(2).with("quorum.device.model", "net").with("quorum.device.votes", 1).map();
        int code = run(c, c, StepSink.NONE, "qdevice on 1,2\nqdevice off 1,2\nassert on\nmove 1:2\nshow\n");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ERR: Partition(s) not stable within timeout");
    }

    @Test
    void aCommandTheClusterCannotRunNamesItsLine() {
        assertThatThrownBy(() -> run(Cmaps.nodes(2).map(), Cmaps.nodes(2).map(), StepSink.NONE, "show\nup 1\n"))
                .isInstanceOf(ScriptException.class).hasMessage("t.vqsim:2: up 1: nodeid 1 already exists in partition 0");
    }
}
