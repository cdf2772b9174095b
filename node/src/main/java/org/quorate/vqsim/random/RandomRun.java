package org.quorate.vqsim.random;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.reference.ReferenceCluster;
import org.quorate.vqsim.run.ScriptRunner;
import org.quorate.vqsim.run.StepSink;
import org.quorate.vqsim.script.ScriptException;
import org.quorate.vqsim.script.ScriptLine;
import org.quorate.vqsim.script.ScriptParser;

/** Runs one seeded schedule on an engine and the reference model, checking S1-S4 after every step. */
public final class RandomRun {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private RandomRun() {}

    /**
     * Whether some node is quorate only through auto_tie_breaker (total votes = expected / 2, integer
     * division, as votequorum tests it). corosync's own votequorum lets such a side coexist with a quorate
     * other side in two ways: the remembered lowest/highest id is refreshed only while quorate, so after
     * a chain of splits the halves can hold different, stale tie-breaker ids; and the "other side cannot
     * be quorate" test compares a node count with the vote quorum, so with per-node votes (and an odd
     * expected, whose half rounds down) the other side can hold a majority of votes.
     */
    static boolean quorateByTieBreaker(List<NodeSnapshot> nodes) {
        return nodes.stream().anyMatch(n -> n.up() && n.quorate() && n.totalVotes() == n.expected() / 2
                && n.totalVotes() < n.quorum());
    }

    public static SeedResult run(long seed, int steps, EngineFactory factory) {
        Schedule s = new ScheduleGenerator(seed).generate(steps);
        ScriptParser parser = new ScriptParser("seed-" + seed, java.nio.file.Path.of(""));
        int two = 0, admin = 0, lms = 0, atb = 0, s4Admin = 0;
        boolean adminChanged = false;
        try (ClusterDriver engine = factory.create(s.cmap(), p -> s.variants().get(p));
             ReferenceCluster ref = new ReferenceCluster(s.cmap(), p -> s.variants().get(p))) {
            ScriptRunner runner = new ScriptRunner(engine, ref, StepSink.NONE, DISCARD, "seed-" + seed);
            runner.start();
            for (int i = 0; i <= s.steps().size(); i++) {
                if (i > 0) {
                    adminChanged |= s.adminSteps().get(i - 1);
                    int lineNo = 0;
                    for (String text : s.steps().get(i - 1)) {
                        runner.execute(new ScriptLine(++lineNo, parser.parseLine(lineNo, text)));
                    }
                }
                List<NodeSnapshot> now = runner.engineSnapshot();
                List<String> v = new ArrayList<>();
                String s1 = Invariants.s1(now);
                if (s1 != null) {
                    if (s.twoNode()) {
                        two++;
                    } else if (adminChanged) {
                        admin++;
                    } else if ("1".equals(s.cmap().get("quorum.last_man_standing"))) {
                        lms++;
                    } else if ("1".equals(s.cmap().get("quorum.auto_tie_breaker")) && quorateByTieBreaker(now)) {
                        atb++;
                    } else {
                        v.add(s1);
                    }
                }
                v.addAll(Invariants.s2(now, runner.referenceSnapshot(), runner.takeDisagreements()));
                v.addAll(Invariants.s3(now, ref));
                if (i == s.steps().size()) {
                    List<String> s4 = Invariants.s4(now);
                    if (adminChanged && !s4.isEmpty()) {
                        // a runtime expected value is not announced to nodes that join later: the
                        // partition can stay split in its verdict until the next membership change
                        s4Admin = 1;
                    } else {
                        v.addAll(s4);
                    }
                }
                if (!v.isEmpty()) {
                    return new SeedResult(seed, i, v, i, new SeedResult.S1Excused(two, admin, lms, atb, s4Admin), s);
                }
            }
        } catch (ScriptException | IllegalArgumentException | IllegalStateException e) {
            return new SeedResult(seed, 0, List.of("run error: " + e.getMessage()), 0, new SeedResult.S1Excused(two, admin, lms, atb, s4Admin), s);
        }
        return new SeedResult(seed, s.steps().size(), List.of(), -1, new SeedResult.S1Excused(two, admin, lms, atb, s4Admin), s);
    }
}
