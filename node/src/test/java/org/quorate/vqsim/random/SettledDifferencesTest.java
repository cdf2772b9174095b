package org.quorate.vqsim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quorate.conf.ConfParser;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.cli.VqsimMain;
import org.quorate.vqsim.engine.SimCluster;
import org.quorate.vqsim.reference.ReferenceCluster;
import org.quorate.vqsim.run.ScriptRunner;
import org.quorate.vqsim.run.StepSink;
import org.quorate.vqsim.script.Command;
import org.quorate.vqsim.script.ScriptParser;

/**
 * The campaign seeds on which the simulator and the reference model once disagreed, shrunk to scripts
 * (node/src/test/resources/vqsim/settled, docs/vqsim.md "Settled differences"). Every {@code check} in them
 * must pass, and the state the difference was about is pinned on both sides.
 */
class SettledDifferencesTest {
    @BeforeAll
    static void quiet() {
        VqsimMain.configureLogging(false);
    }

    /** One script run on both sides: the check failures and the last step's nodes of each. */
    private record Outcome(long checkFailures, String messages, List<NodeSnapshot> engine, List<NodeSnapshot> reference) {
        NodeSnapshot engineNode(long id) {
            return engine.stream().filter(n -> n.nodeId() == id).findFirst().orElseThrow();
        }

        NodeSnapshot referenceNode(long id) {
            return reference.stream().filter(n -> n.nodeId() == id).findFirst().orElseThrow();
        }
    }

    private static Outcome run(String conf, String script) throws Exception {
        Path dir = Path.of(SettledDifferencesTest.class.getResource("/vqsim/settled/" + script).toURI()).getParent();
        Map<String, String> cmap = ConfParser.parse(dir.resolve(conf)).cmap();
        List<List<NodeSnapshot>> steps = new ArrayList<>();
        StepSink sink = new StepSink() {
            @Override
            public void step(int step, Command command, List<NodeSnapshot> nodes, boolean sync) {
                steps.add(nodes);
            }

            @Override
            public void show(List<NodeSnapshot> nodes, boolean autofence) {}

            @Override
            public void info(String line) {}
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (SimCluster sim = new SimCluster(cmap, p -> ConfParser.parse(p).cmap());
             ReferenceCluster ref = new ReferenceCluster(cmap, p -> ConfParser.parse(p).cmap())) {
            ScriptRunner r = new ScriptRunner(sim, ref, sink, new PrintStream(err, true, StandardCharsets.UTF_8), script);
            r.run(new ScriptParser(script, dir).parse(Files.newBufferedReader(dir.resolve(script))));
            return new Outcome(r.checkFailures(), err.toString(StandardCharsets.UTF_8), sim.snapshot(), ref.snapshot());
        }
    }

    /**
     * Seed 87 (wait_for_all, a device): the reference activated a ring that a device held once the holder
     * had moved on, for the members left behind; corosync aborts that sync (sync_abort) and the group layer
     * retires the ring. The extra recalculation cleared node 7's stale QUORATE flag, so in the reference node 6
     * went on waiting for all votes where votequorum (and corosync) lets node 7's NODEINFO end the wait.
     */
    @Test
    void seed87AbandonedHeldRingIsNotActivated() throws Exception {
        Outcome o = run("seed-87.conf", "seed-87.vqsim");
        assertThat(o.checkFailures()).as(o.messages()).isZero();
        assertThat(o.engineNode(6).numbers()).isEqualTo("expected=13 highest=13 total=9 quorum=7 flags=454 quorate=true");
        assertThat(o.referenceNode(6).numbers()).isEqualTo(o.engineNode(6).numbers());
        assertThat(o.engineNode(6).members()).containsExactly(4L, 6L, 7L);
    }

    /**
     * Seed 4389 (a device, no wait_for_all): the same abandoned held ring, activated in the old reference
     * for the members left behind; the extra recalculation grew node 9's adopted expected votes (4) to the
     * votes present (5). corosync never activates that ring, so the adopted value stays.
     */
    @Test
    void seed4389AdoptedExpectedVotesStayWhenTheHeldRingIsAborted() throws Exception {
        Outcome o = run("seed-4389.conf", "seed-4389.vqsim");
        assertThat(o.checkFailures()).as(o.messages()).isZero();
        assertThat(o.engineNode(9).numbers()).isEqualTo("expected=4 highest=4 total=1 quorum=5 flags=0 quorate=false");
        assertThat(o.referenceNode(9).numbers()).isEqualTo(o.engineNode(9).numbers());
        assertThat(o.engineNode(9).members()).containsExactly(9L);
    }
}
