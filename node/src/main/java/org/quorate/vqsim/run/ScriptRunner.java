package org.quorate.vqsim.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.Objects;

import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.script.Command;
import org.quorate.vqsim.script.ScriptException;
import org.quorate.vqsim.script.ScriptLine;
import org.quorate.vqsim.script.ScriptParser;

/**
 * Runs vqsim commands against a {@link ClusterDriver} and, in lock-step, against the reference model
 * (another {@code ClusterDriver}), so that {@code check} can compare them. vqsim's modes: {@code sync on}
 * (default) settles after every command that changes the cluster, at most {@code timeout} (default
 * 250 ms); {@code assert on} makes a failed settle stop the run (exit 2, as vqsim) and a failed
 * {@code check} stop it (exit 1); {@code autofence on} downs every inquorate node after a membership
 * change once some node is quorate (vqsim's force_fence).
 */
public final class ScriptRunner {
    /** The outcome of one command. */
    public enum Outcome { CONTINUE, EXIT, STOP }

    private final ClusterDriver driver;
    private final ClusterDriver reference;
    private final StepSink out;
    private final PrintStream err;
    private final String source;
    private boolean sync = true;
    private boolean assertOn;
    private boolean autofence;
    private Duration timeout = Duration.ofMillis(250);
    private int step;
    private int exitCode;
    private int checkFailures;
    private int settleFailures;
    private final List<String> pendingDisagreements = new ArrayList<>();

    /**
     * @param reference the reference model fed the same commands; null runs without it ({@code check}
     *     then fails the script)
     */
    public ScriptRunner(ClusterDriver driver, ClusterDriver reference, StepSink out, PrintStream err, String source) {
        this.driver = Objects.requireNonNull(driver);
        this.reference = reference;
        this.out = out;
        this.err = err;
        this.source = source;
    }

    /** Runs a whole script: the start, then each line until {@code exit}, the end, or a stop. */
    public int run(List<ScriptLine> script) {
        start();
        for (ScriptLine l : script) {
            Outcome o = execute(l);
            if (o != Outcome.CONTINUE) {
                break;
            }
        }
        return exitCode;
    }

    /** vqsim's start: every node of the nodelist up in partition 0, then a settle of at least 1 s. */
    public void start() {
        List<Long> all = driver.configuredNodes();
        both(d -> d.up(0, all));
        if (!settle(timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout)) {
            err.println("ERR: Partition(s) not stable within timeout");
        }
        out.step(0, null, driver.snapshot(), false);
    }

    /** Runs one command; a command that cannot be run throws a {@link ScriptException} naming its line. */
    public Outcome execute(ScriptLine line) {
        Command c = line.command();
        step++;
        Outcome outcome;
        try {
            outcome = apply(line.line(), c);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ScriptException(source, line.line(), c.text() + ": " + e.getMessage());
        }
        out.step(step, c, driver.snapshot(), sync && c.changesMembership());
        return outcome;
    }

    private Outcome apply(int lineNo, Command c) {
        if (DriverCommands.actsOnTheCluster(c)) {
            boolean onOneNode = c instanceof Command.Expected || c instanceof Command.Votes;
            long on = onOneNode ? DriverCommands.targetNode(c, this::lowestRunning) : 0; // both sides, same node
            String engine = DriverCommands.apply(driver, c, () -> on);
            String ref = reference == null ? null : DriverCommands.apply(reference, c, () -> on);
            if (onOneNode) {
                compareRefusals(c, engine, ref, on);
            }
            return afterChange(c);
        } else if (c instanceof Command.Check) {
            return check(lineNo);
        } else if (c instanceof Command.Show) {
            out.show(driver.snapshot(), autofence);
        } else if (c instanceof Command.Help) {
            out.info(ScriptParser.usage());
        } else if (c instanceof Command.Exit) {
            return Outcome.EXIT;
        } else if (c instanceof Command.Autofence a) {
            autofence = a.on();
            out.info("#autofence: " + (a.on() ? "on" : "off"));
        } else if (c instanceof Command.Sync s) {
            sync = s.on();
            out.info("#sync: " + (s.on() ? "on" : "off"));
        } else if (c instanceof Command.Assert a) {
            assertOn = a.on();
        } else if (c instanceof Command.Timeout t) {
            timeout = t.timeout();
        }
        return Outcome.CONTINUE;
    }

    private Outcome afterChange(Command c) {
        if (!sync) {
            return Outcome.CONTINUE;
        }
        if (!settle(timeout)) {
            settleFailures++;
            err.println("ERR: Partition(s) not stable within timeout");
            if (assertOn) {
                exitCode = 2;
                return Outcome.STOP;
            }
        }
        if (autofence && c.changesMembership()) {
            fence();
        }
        return Outcome.CONTINUE;
    }

    /** vqsim's force_fence: once some node is quorate, every running node that is not quits. */
    private void fence() {
        List<NodeSnapshot> now = driver.snapshot();
        if (now.stream().noneMatch(n -> n.up() && n.quorate())) {
            return;
        }
        List<Long> victims = new ArrayList<>();
        for (NodeSnapshot n : now) {
            if (n.up() && !n.quorate()) {
                victims.add(n.nodeId());
                out.info(n.partition() + ":" + n.nodeId() + ": Quit (autofenced)");
            }
        }
        if (!victims.isEmpty()) {
            both(d -> d.down(victims));
            if (!settle(timeout)) {
                settleFailures++;
                err.println("ERR: Partition(s) not stable within timeout");
            }
        }
    }

    private Outcome check(int lineNo) {
        List<String> diffs = new ArrayList<>(pendingDisagreements);
        pendingDisagreements.clear();
        if (reference == null) {
            diffs.add("no reference model in this run");
        } else {
            diffs.addAll(Comparison.differences(driver.snapshot(), reference.snapshot()));
        }
        if (diffs.isEmpty()) {
            return Outcome.CONTINUE;
        }
        checkFailures++;
        exitCode = Math.max(exitCode, 1);
        err.println(source + ":" + lineNo + ": check failed:");
        diffs.forEach(d -> err.println("  " + d));
        return assertOn ? Outcome.STOP : Outcome.CONTINUE;
    }

    private void compareRefusals(Command c, String engine, String ref, long on) {
        if (engine != null) {
            err.println(c.text() + " (on node " + on + "): " + engine);
        }
        if (reference != null && (engine == null) != (ref == null)) {
            pendingDisagreements.add(c.text() + ": engine " + (engine == null ? "accepted" : "refused (" + engine + ")")
                    + ", reference " + (ref == null ? "accepted" : "refused (" + ref + ")"));
        }
    }

    private long lowestRunning() {
        return driver.snapshot().stream().filter(NodeSnapshot::up).mapToLong(NodeSnapshot::nodeId).min()
                .orElseThrow(() -> new IllegalStateException("no node is running"));
    }

    private boolean settle(Duration t) {
        boolean ok = driver.settle(t);
        if (reference != null) {
            reference.settle(t);
        }
        return ok;
    }

    private void both(java.util.function.Consumer<ClusterDriver> action) {
        action.accept(driver);
        if (reference != null) {
            action.accept(reference);
        }
    }

    public int checkFailures() {
        return checkFailures;
    }

    public int settleFailures() {
        return settleFailures;
    }

    public int exitCode() {
        return exitCode;
    }

    public int steps() {
        return step;
    }

    /** The engine's nodes now. */
    public List<NodeSnapshot> engineSnapshot() {
        return driver.snapshot();
    }

    /** The reference model's nodes now (empty without one). */
    public List<NodeSnapshot> referenceSnapshot() {
        return reference == null ? List.of() : reference.snapshot();
    }

    /** Pending refusal disagreements, taken (for the random runner's S2). */
    public List<String> takeDisagreements() {
        List<String> d = new ArrayList<>(pendingDisagreements);
        pendingDisagreements.clear();
        return d;
    }

}
