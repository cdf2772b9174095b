package org.quorate.vqsim.real;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.script.Command;
import org.quorate.vqsim.script.ScriptLine;

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

    /** Real side only: every step must settle. */
    static Outcome run(Scenario scenario, ClusterDriver real, Duration settleTimeout) {
        return run(scenario, real, Map.of(), settleTimeout).get("real");
    }

    /**
     * Runs the scenario on {@code real} and on every simulator of {@code sims} (name -> driver) in lockstep;
     * one outcome per simulator name (or one named "real" when there is none). A simulator that throws
     * stops only its own outcome; a failing real side stops all.
     */
    static Map<String, Outcome> run(Scenario scenario, ClusterDriver real, Map<String, ClusterDriver> sims,
                                    Duration settleTimeout) {
        StepRunner r = new StepRunner(real, scenario, settleTimeout);
        Map<String, Side> sides = new LinkedHashMap<>();
        sims.forEach((name, d) -> sides.put(name, new Side(new StepRunner(d, scenario, settleTimeout))));
        if (sides.isEmpty()) {
            sides.put("real", new Side(null));
        }
        long realMillis = 0;
        String realError = null;
        try {
            StepRunner.StepResult rs = r.start();
            realMillis += rs.millis();
            for (Side side : sides.values()) {
                side.start(scenario, rs);
            }
            int step = 0;
            for (ScriptLine st : scenario.steps()) {
                step++;
                String text = "L" + st.line() + " " + st.command().text();
                long t0 = System.nanoTime();
                String refusal = r.apply(st.command());
                rs = r.finish(step, text, refusal, t0);
                realMillis += rs.millis();
                for (Side side : sides.values()) {
                    side.step(scenario, st, step, text, rs);
                }
            }
        } catch (RuntimeException e) {
            realError = "real side after step " + sides.values().iterator().next().pairs.size() + ": " + e;
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, Side> e : sides.entrySet()) {
            Side side = e.getValue();
            outcomes.put(e.getKey(), new Outcome(scenario.name(), List.copyOf(side.pairs), realMillis, side.millis,
                    realError != null ? realError : side.error));
        }
        return outcomes;
    }

    /** One simulator's runner and what it has collected (no runner: the real side alone). */
    private static final class Side {
        final StepRunner runner;
        final List<StepPair> pairs = new ArrayList<>();
        /** Nodes whose real qdevice runs (started by qdevice on, not since killed or downed with its node). */
        final Set<Long> devicesOn = new TreeSet<>();
        long millis;
        String error;

        Side(StepRunner runner) {
            this.runner = runner;
        }

        void start(Scenario scenario, StepRunner.StepResult real) {
            if (runner == null) {
                pairs.add(new StepPair(real, null, compare(real, null)));
                return;
            }
            guarded(() -> {
                long t0 = System.nanoTime();
                ClusterDriver sim = runner.driver();
                sim.up(0, sim.configuredNodes());
                StepRunner.StepResult ss = runner.finish(0, real.command(), null, t0);
                millis += ss.millis();
                pairs.add(new StepPair(real, ss, compare(real, ss)));
            }, 0);
        }

        void step(Scenario scenario, ScriptLine line, int step, String text, StepRunner.StepResult real) {
            if (runner == null) {
                pairs.add(new StepPair(real, null, compare(real, null)));
                return;
            }
            guarded(() -> {
                long t0 = System.nanoTime();
                String refusal = runner.apply(line.command());
                track(line.command());
                if (line.command() instanceof Command.Qdevice q && !q.on()) {
                    // the real side waited until votequorum timed the killed device out (at most the device
                    // timeout after its last poll); here that last poll is the "off" poll itself, so the full
                    // timeout must pass before the simulated device is timed out too
                    runner.driver().advance(max(Duration.ofMillis(real.millis()), scenario.deviceTimeout().plusMillis(500)));
                }
                feedDevice(scenario, real, runner.driver(), devicesOn);
                StepRunner.StepResult ss = runner.finish(step, text, refusal, t0);
                millis += ss.millis();
                pairs.add(new StepPair(real, ss, compare(real, ss)));
            }, step);
        }

        private void track(Command c) {
            if (c instanceof Command.Qdevice q) {
                if (q.on()) {
                    devicesOn.addAll(q.nodes());
                } else {
                    devicesOn.removeAll(q.nodes());
                }
            } else if (c instanceof Command.Down d) {
                devicesOn.removeAll(d.nodes());
            }
        }

        private void guarded(Runnable r, int step) {
            if (error != null) {
                return;
            }
            try {
                r.run();
            } catch (RuntimeException e) {
                error = "sim at step " + step + ": " + e;
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Hands the real qnetd's verdict (cast or withheld, per node) to the simulator's running devices. */
    private static void feedDevice(Scenario scenario, StepRunner.StepResult real, ClusterDriver sim, Set<Long> on) {
        if (!scenario.facts().device()) {
            return;
        }
        Map<Boolean, List<Long>> votes = StepRunner.deviceVotes(real.nodes().stream()
                .filter(n -> on.contains(n.nodeId())).toList());
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
