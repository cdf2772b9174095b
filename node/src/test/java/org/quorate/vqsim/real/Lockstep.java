package org.quorate.vqsim.real;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;

/**
 * Runs one scenario on real corosync and (optionally) on the simulator, step for step, and compares every
 * node's numbers after every step. In device scenarios the real qnetd's verdict, read from each real node's
 * flags after the step, is handed to the simulator with {@link ClusterDriver#qdevicePolls} before it settles.
 */
final class Lockstep {
    /** One step on both sides; {@code sim} is null when only the real side ran. */
    record StepPair(StepRunner.StepResult real, StepRunner.StepResult sim, List<String> differences) {
    }

    /** A scenario's run: its steps, wall times, and the error that stopped it, if any. */
    record Outcome(String scenario, List<StepPair> steps, long realMillis, long simMillis, String error) {
        boolean same() {
            return error == null && steps.stream().allMatch(s -> s.differences().isEmpty());
        }

        /** "same", or the first difference with its step and command. */
        String verdict() {
            if (error != null) {
                return "ERROR " + error;
            }
            Optional<StepPair> first = steps.stream().filter(s -> !s.differences().isEmpty()).findFirst();
            return first.map(s -> "step " + s.real().step() + " `" + s.real().command() + "`: "
                    + String.join("; ", s.differences())).orElse("same");
        }
    }

    private Lockstep() {
    }

    static Outcome run(Scenario scenario, ClusterDriver real, ClusterDriver sim, Duration settleTimeout) {
        StepRunner r = new StepRunner(real, scenario, settleTimeout);
        StepRunner s = sim == null ? null : new StepRunner(sim, scenario, settleTimeout);
        List<StepPair> pairs = new ArrayList<>();
        long[] millis = new long[2];
        try {
            StepRunner.StepResult rs = r.start();
            millis[0] += rs.millis();
            StepRunner.StepResult ss = null;
            if (s != null) {
                long t0 = System.nanoTime();
                sim.up(0, sim.configuredNodes());
                feedDevice(scenario, rs, sim);
                ss = s.finish(0, rs.command(), null, t0);
                millis[1] += ss.millis();
            }
            pairs.add(new StepPair(rs, ss, compare(rs, ss)));
            int step = 0;
            for (VqScriptParser.Step st : scenario.steps()) {
                step++;
                String text = "L" + st.line() + " " + st.text();
                long t0 = System.nanoTime();
                String refusal = r.apply(st.command());
                rs = r.finish(step, text, refusal, t0);
                millis[0] += rs.millis();
                ss = null;
                if (s != null) {
                    long t1 = System.nanoTime();
                    String simRefusal = s.apply(st.command());
                    feedDevice(scenario, rs, sim);
                    ss = s.finish(step, text, simRefusal, t1);
                    millis[1] += ss.millis();
                }
                pairs.add(new StepPair(rs, ss, compare(rs, ss)));
            }
            return new Outcome(scenario.name(), pairs, millis[0], millis[1], null);
        } catch (RuntimeException e) {
            return new Outcome(scenario.name(), pairs, millis[0], millis[1],
                    "after step " + (pairs.size() - 1) + ": " + e);
        }
    }

    private static void feedDevice(Scenario scenario, StepRunner.StepResult real, ClusterDriver sim) {
        if (!scenario.facts().device()) {
            return;
        }
        Map<Boolean, List<Long>> votes = StepRunner.deviceVotes(real.nodes());
        if (!votes.get(true).isEmpty()) {
            sim.qdevicePolls(votes.get(true), true);
        }
        if (!votes.get(false).isEmpty()) {
            sim.qdevicePolls(votes.get(false), false);
        }
    }

    /** The differences of one step; without a simulator only "did not settle" can be one. */
    static List<String> compare(StepRunner.StepResult real, StepRunner.StepResult sim) {
        List<String> diffs = new ArrayList<>();
        if (!real.settled()) {
            diffs.add("real did not settle");
        }
        if (sim == null) {
            return diffs;
        }
        if (!sim.settled()) {
            diffs.add("sim did not settle");
        }
        if (!Objects.equals(real.refusal(), sim.refusal())) {
            diffs.add("refusal real=" + real.refusal() + " sim=" + sim.refusal());
        }
        for (long id : StepRunner.ids(real.nodes(), sim.nodes())) {
            NodeSnapshot a = find(real.nodes(), id);
            NodeSnapshot b = find(sim.nodes(), id);
            if (a.up() != b.up()) {
                diffs.add("node " + id + " up real=" + a.up() + " sim=" + b.up());
            } else if (a.up() && !a.numbers().equals(b.numbers())) {
                diffs.add("node " + id + " real " + a.numbers() + " | sim " + b.numbers());
            } else if (a.up() && !a.members().equals(b.members())) {
                diffs.add("node " + id + " members real=" + a.members() + " sim=" + b.members());
            }
        }
        return diffs;
    }

    private static NodeSnapshot find(List<NodeSnapshot> nodes, long id) {
        return nodes.stream().filter(n -> n.nodeId() == id).findFirst()
                .orElse(new NodeSnapshot(id, 0, false, false, "", List.of(), 0, 0, 0, 0, 0));
    }
}
