package org.quorate.deploy.peer;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * The step table for the closing note: step, host, C exit, Quorate exit, whether the exit codes and the
 * normalised outputs are the same, and each step's time.
 */
public final class StepTable {
    private StepTable() {
    }

    public static String render(List<StepResult> c, List<StepResult> q, BiPredicate<StepResult, StepResult> sameOutput) {
        StringBuilder b = new StringBuilder();
        String fmt = "| %-42s | %-7s | %6s | %12s | %-9s | %-14s | %5s | %9s |%n";
        b.append(String.format(fmt, "step", "host", "C exit", "Quorate exit", "exit", "output", "C s", "Quorate s"));
        b.append(String.format(fmt, "-".repeat(42), "-".repeat(7), "-".repeat(6), "-".repeat(12), "-".repeat(9),
                "-".repeat(14), "-".repeat(5), "-".repeat(9)));
        for (int i = 0; i < Math.max(c.size(), q.size()); i++) {
            StepResult cs = i < c.size() ? c.get(i) : null;
            StepResult qs = i < q.size() ? q.get(i) : null;
            StepResult any = cs != null ? cs : qs;
            String ce = cs == null ? "-" : Integer.toString(cs.exitCode());
            String qe = qs == null ? "-" : Integer.toString(qs.exitCode());
            String output = cs == null || qs == null ? "-"
                    : cs.compare() == StepResult.Compare.EXIT_CODE_ONLY ? "(not compared)"
                    : sameOutput.test(cs, qs) ? "same" : "DIFFERENT";
            b.append(String.format(fmt, any.step(), any.host(), ce, qe, ce.equals(qe) ? "same" : "DIFFERENT", output,
                    seconds(cs), seconds(qs)));
        }
        return b.toString();
    }

    private static String seconds(StepResult s) {
        return s == null ? "-" : String.format("%.1f", s.millis() / 1000.0);
    }

    /** Every step's command and raw output, for a failure report. */
    public static String outputs(List<StepResult> steps) {
        StringBuilder b = new StringBuilder();
        for (StepResult s : steps) {
            b.append("--- ").append(s.step()).append(" @").append(s.host()).append(": ").append(s.command())
                    .append(" -> exit ").append(s.exitCode()).append('\n').append(s.output()).append('\n');
        }
        return b.toString();
    }
}
