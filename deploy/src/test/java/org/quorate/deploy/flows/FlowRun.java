package org.quorate.deploy.flows;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps one stack went through, in order: for each, the command's outcome and its output normalised with
 * the run's {@link Normaliser}. A step that is a check rather than a command (a quorum state reached, a file
 * list) records what was seen as its output and 0/1 as its exit code.
 */
final class FlowRun {
    /** How two runs' outputs of a step are compared (exit codes always are). */
    enum Compare {
        /** normalised outputs equal */
        OUTPUT,
        /**
         * normalised outputs equal as sets of lines: pcs talks to several nodes at once, and their answers come
         * in any order
         */
        UNORDERED,
        /** exit code only: set-up steps whose output has nothing to do with the stack */
        EXIT,
        /**
         * every line of C's output is in Quorate's: file lists, where Quorate keeps its PKCS#12/PEM files beside
         * the NSS database C writes; the extra lines are shown, a missing or different C line is a difference
         */
        C_LINES_KEPT
    }

    /** {@code millis}: from the end of the previous step to the end of this one (a check: until it was seen). */
    record Step(String name, Outcome outcome, String normalised, Compare compare, long millis) {
    }

    final Stack stack;
    private final List<Step> steps = new ArrayList<>();
    private final java.util.Set<String> refusals = new java.util.HashSet<>();
    private final java.util.Set<String> tolerated = new java.util.HashSet<>();
    private Normaliser normaliser;
    private final StringBuilder transcript = new StringBuilder();
    private final long started = System.nanoTime();
    private long previousStepEnd = started;

    FlowRun(Stack stack) {
        this.stack = stack;
    }

    void normaliseWith(Normaliser n) {
        this.normaliser = n;
    }

    /** Records {@code outcome} as step {@code name}, compared by exit code and output; returns it. */
    Outcome record(String name, Outcome outcome) {
        return add(name, outcome, Compare.OUTPUT);
    }

    /** Records a file list: C's lines must all be in Quorate's (see {@link Compare#C_LINES_KEPT}). */
    Outcome recordFiles(String name, Outcome outcome) {
        return add(name, outcome, Compare.C_LINES_KEPT);
    }

    /** Records {@code outcome} compared by exit code and its normalised lines in any order. */
    Outcome recordUnordered(String name, Outcome outcome) {
        return add(name, outcome, Compare.UNORDERED);
    }

    /**
     * Records a set-up step compared by exit code only: package installation (dpkg names each package and
     * version) and host preparation whose output depends on timing (crmsh's progress dots, csync2's retries).
     */
    Outcome recordExit(String name, Outcome outcome) {
        return add(name, outcome, Compare.EXIT);
    }

    private synchronized Outcome add(String name, Outcome outcome, Compare compare) {
        String norm = normaliser == null ? outcome.text().strip() : normaliser.apply(outcome.text());
        if (compare == Compare.UNORDERED) {
            norm = norm.lines().filter(l -> !l.isBlank()).sorted().collect(java.util.stream.Collectors.joining("\n"));
        }
        long now = System.nanoTime();
        steps.add(new Step(name, outcome, norm, compare, (now - previousStepEnd) / 1_000_000));
        previousStepEnd = now;
        transcript.append(String.format("[%s %6.1f s] %s# %s  -> exit %d%n", stack.label, seconds(), outcome.host(),
                outcome.command(), outcome.exitCode()));
        if (!outcome.text().isBlank()) {
            Normaliser.plain(outcome.text()).strip().lines().forEach(l -> transcript.append("    ").append(l).append('\n'));
        }
        return outcome;
    }

    /**
     * Installs the stack's qnetd package on {@code arbiter} and its qdevice package on {@code nodes}, all at once,
     * and records one step per host in that order; a failed installation stops the flow.
     */
    void installPackages(FlowHost arbiter, List<FlowHost> nodes) {
        List<FlowHost> all = new ArrayList<>();
        all.add(arbiter);
        all.addAll(nodes);
        List<Outcome> installs = FlowLab.inParallel(all, h -> stack.install(h, h == arbiter ? "qnetd" : "qdevice"));
        for (int i = 0; i < all.size(); i++) {
            String what = all.get(i) == arbiter ? "qnetd" : "qdevice";
            recordExit("install " + what + " package on " + all.get(i).name, installs.get(i)).requireOk();
        }
    }

    /** Records a step whose command must fail (a refusal crmsh or pvecm is expected to print). */
    synchronized Outcome recordRefusal(String name, Outcome outcome) {
        refusals.add(name);
        return record(name, outcome);
    }

    /** Records a step compared by exit code whose failure the tool under test ignores (so does {@link #unexpected}). */
    synchronized Outcome recordTolerated(String name, Outcome outcome) {
        tolerated.add(name);
        return recordExit(name, outcome);
    }

    /**
     * Records a step compared by exit code and output whose exit code may be non-zero in both runs (a state the
     * test reports rather than requires, such as whether a daemon survived a new set-up).
     */
    synchronized Outcome recordObserved(String name, Outcome outcome) {
        tolerated.add(name);
        return record(name, outcome);
    }

    /** Steps that did not end as they should: a non-zero exit, or exit 0 where a refusal was expected. */
    synchronized List<String> unexpected() {
        List<String> bad = new ArrayList<>();
        for (Step s : steps) {
            boolean refused = s.outcome().exitCode() != 0;
            if (!tolerated.contains(s.name()) && refused != refusals.contains(s.name())) {
                bad.add(s.name() + " (exit " + s.outcome().exitCode() + ")");
            }
        }
        return bad;
    }

    /** A check that is not one command: {@code seen} is what was observed, {@code passed} its verdict. */
    Outcome check(String name, String host, boolean passed, String seen) {
        return record(name, new Outcome(host, "(check) " + name, passed ? 0 : 1, seen, ""));
    }

    synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    synchronized String transcript() {
        return transcript.toString();
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
