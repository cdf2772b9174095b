package org.quorate.vqsim.bugs;

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
 * The published-bug scripts of node/src/test/resources/vqsim/bugs run on the simulator: every
 * {@code check} in them must pass (the reference model agrees) and the states below are those of the
 * fixed corosync.
 */
class BugScriptsTest {
    /** Every step's nodes, by step number (0 = the start). */
    private final List<List<NodeSnapshot>> steps = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void quiet() {
        VqsimMain.configureLogging(false);
    }

    private int run(String conf, String script) throws Exception {
        Path dir = Path.of(BugScriptsTest.class.getResource("/vqsim/bugs/" + script).toURI()).getParent();
        Map<String, String> cmap = ConfParser.parse(dir.resolve(conf)).cmap();
        StepSink sink = new StepSink() {
            @Override
            public void step(int step, Command command, List<NodeSnapshot> nodes, boolean sync) {
                steps.add(nodes);
                commands.add(command == null ? "(start)" : command.text());
            }

            @Override
            public void show(List<NodeSnapshot> nodes, boolean autofence) {}

            @Override
            public void info(String line) {}
        };
        try (SimCluster sim = new SimCluster(cmap, p -> ConfParser.parse(p).cmap());
             ReferenceCluster ref = new ReferenceCluster(cmap, p -> ConfParser.parse(p).cmap())) {
            ScriptRunner r = new ScriptRunner(sim, ref, sink, new PrintStream(err, true, StandardCharsets.UTF_8), script);
            int code = r.run(new ScriptParser(script, dir).parse(Files.newBufferedReader(dir.resolve(script))));
            assertThat(r.checkFailures()).as(err.toString(StandardCharsets.UTF_8)).isZero();
            return code;
        }
    }

    /** The quorate running nodes after the step whose command is {@code command} (its n-th occurrence). */
    private List<Long> quorateAfter(String command, int occurrence) {
        int seen = 0;
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).equals(command) && ++seen == occurrence) {
                return steps.get(i).stream().filter(n -> n.up() && n.quorate()).map(NodeSnapshot::nodeId).toList();
            }
        }
        throw new AssertionError("no step " + command + " #" + occurrence + " in " + commands);
    }

    private NodeSnapshot nodeAfter(String command, int occurrence, long node) {
        int seen = 0;
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).equals(command) && ++seen == occurrence) {
                return steps.get(i).stream().filter(n -> n.nodeId() == node).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no step " + command);
    }

    @Test
    void corosync74OnlyTheThreeSideIsQuorate() throws Exception {
        assertThat(run("corosync-74.conf", "corosync-74.vqsim")).isZero();
        assertThat(quorateAfter("split 1:1,2", 1)).containsExactly(3L, 4L, 5L);
        NodeSnapshot lowest = nodeAfter("split 1:1,2", 1, 1);
        assertThat(lowest.totalVotes()).isEqualTo(2); // exactly expected/2 = 5/2: the case the fix closes
        assertThat(lowest.quorate()).isFalse();
        assertThat(quorateAfter("down 5", 1)).containsExactly(3L, 4L);
    }

    @Test
    void corosyncQdevice7KeepsTheActivePartition() throws Exception {
        assertThat(run("corosync-qdevice-7.conf", "corosync-qdevice-7.vqsim")).isZero();
        assertThat(quorateAfter("qdevice off 1,2", 1)).containsExactly(3L, 4L);
        assertThat(quorateAfter("up 1:1,2", 1)).containsExactly(3L, 4L);
        assertThat(quorateAfter("qdevice on 1,2,3,4", 2)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(quorateAfter("qdevice off 1,2", 2)).containsExactly(3L, 4L);
        assertThat(nodeAfter("qdevice off 1,2", 2, 1).totalVotes()).isEqualTo(2); // the withheld vote is not counted
    }

    @Test
    void ca320beaReloadFromOneToThreeNodesWithWaitForAll() throws Exception {
        assertThat(run("ca320bea-one.conf", "ca320bea.vqsim")).isZero();
        NodeSnapshot alone = nodeAfter("(start)", 1, 1);
        assertThat(alone.numbers()).isEqualTo("expected=1 highest=1 total=1 quorum=1 flags=6 quorate=true");
        assertThat(nodeAfter("reload ca320bea-three.conf", 1, 1).numbers())
                .isEqualTo("expected=3 highest=3 total=1 quorum=2 flags=4 quorate=false");
        // losing quorum re-armed wait_for_all: two of three votes are not enough
        assertThat(quorateAfter("up 2", 1)).isEmpty();
        assertThat(quorateAfter("up 3", 1)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void c0c16442fExpectedBelowThePresentVotesIsRefused() throws Exception {
        assertThat(run("0c16442f.conf", "0c16442f.vqsim")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .containsOnlyOnce("expected 2 1 (on node 1): Unable to set expected votes: CS_ERR_INVALID_PARAM");
        assertThat(nodeAfter("expected 2 1", 1, 1).numbers()).isEqualTo("expected=3 highest=3 total=3 quorum=2 flags=2 quorate=true");
        assertThat(nodeAfter("expected 2 1", 2, 1).numbers()).isEqualTo("expected=2 highest=2 total=2 quorum=2 flags=2 quorate=true");
        assertThat(nodeAfter("expected 1 1", 1, 1).numbers()).isEqualTo("expected=1 highest=1 total=1 quorum=1 flags=2 quorate=true");
    }

    @Test
    void corosync803LastManStandingCannotGoFromTwoToOne() throws Exception {
        assertThat(run("corosync-803.conf", "corosync-803.vqsim")).isZero();
        assertThat(nodeAfter("sleep 9.9", 1, 1).expected()).isEqualTo(3);
        assertThat(nodeAfter("sleep 0.2", 1, 1).numbers()).isEqualTo("expected=2 highest=2 total=2 quorum=2 flags=14 quorate=true");
        assertThat(nodeAfter("down 2", 1, 1).quorate()).isFalse();
        assertThat(nodeAfter("sleep 11", 1, 1).numbers()).isEqualTo("expected=2 highest=2 total=1 quorum=2 flags=12 quorate=false");
    }

}
