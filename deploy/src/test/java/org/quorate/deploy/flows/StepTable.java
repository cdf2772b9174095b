package org.quorate.deploy.flows;

import java.util.ArrayList;
import java.util.List;

/**
 * The C run and the Quorate run of one flow side by side: a table of step, host, C exit, Quorate exit, both
 * step times, same or different (exit code and normalised output both), and the first lines where the outputs
 * part.
 */
final class StepTable {
    private StepTable() {
    }

    /** Steps whose exit codes or normalised outputs differ, or that only one run reached. */
    static List<String> differences(FlowRun c, FlowRun q) {
        List<String> diffs = new ArrayList<>();
        var cs = c.steps();
        var qs = q.steps();
        for (int i = 0; i < Math.max(cs.size(), qs.size()); i++) {
            FlowRun.Step a = i < cs.size() ? cs.get(i) : null;
            FlowRun.Step b = i < qs.size() ? qs.get(i) : null;
            if (a == null || b == null || !a.name().equals(b.name())) {
                diffs.add("step " + (i + 1) + ": C " + (a == null ? "-" : a.name()) + " / Quorate "
                        + (b == null ? "-" : b.name()));
            } else if (a.outcome().exitCode() != b.outcome().exitCode() || !sameOutput(a, b)) {
                diffs.add(a.name() + ": exit " + a.outcome().exitCode() + " / " + b.outcome().exitCode() + ": "
                        + outputVerdict(a, b));
            }
        }
        return diffs;
    }

    /**
     * One line per step: number, step, host, both exit codes, both step times (seconds since the previous step
     * ended) and the verdict, with the first lines where the outputs part.
     */
    static String render(FlowRun c, FlowRun q) {
        var cs = c.steps();
        var qs = q.steps();
        int width = 4;
        int hostWidth = 4;
        for (var s : cs.isEmpty() ? qs : cs) {
            width = Math.max(width, s.name().length());
            hostWidth = Math.max(hostWidth, s.outcome().host().length());
        }
        StringBuilder sb = new StringBuilder();
        String fmt = "%-3s %-" + width + "s  %-" + hostWidth + "s  %6s  %6s  %6s  %6s  %s%n";
        sb.append(String.format(fmt, "#", "step", "host", "C exit", "Q exit", "C s", "Q s", "same?"));
        for (int i = 0; i < Math.max(cs.size(), qs.size()); i++) {
            FlowRun.Step a = i < cs.size() ? cs.get(i) : null;
            FlowRun.Step b = i < qs.size() ? qs.get(i) : null;
            FlowRun.Step any = a != null ? a : b;
            String same;
            if (a == null || b == null || !a.name().equals(b.name())) {
                same = "different (" + (a == null ? "C" : "Quorate") + " did not get here)";
            } else if (a.outcome().exitCode() != b.outcome().exitCode()) {
                same = "different (exit code)";
            } else {
                same = outputVerdict(a, b);
            }
            sb.append(String.format(fmt, i + 1, any.name(), any.outcome().host(),
                    a == null ? "-" : a.outcome().exitCode(), b == null ? "-" : b.outcome().exitCode(),
                    seconds(a), seconds(b), same));
        }
        return sb.toString();
    }

    private static String seconds(FlowRun.Step s) {
        return s == null ? "-" : String.format("%.1f", s.millis() / 1000.0);
    }

    private static boolean sameOutput(FlowRun.Step a, FlowRun.Step b) {
        return switch (a.compare()) {
            case EXIT -> true;
            case OUTPUT, UNORDERED -> a.normalised().equals(b.normalised());
            case C_LINES_KEPT -> missingLines(a, b).isEmpty();
        };
    }

    /** C's lines that Quorate's output lacks. */
    private static List<String> missingLines(FlowRun.Step c, FlowRun.Step q) {
        var have = java.util.Set.of(q.normalised().split("\n"));
        return java.util.Arrays.stream(c.normalised().split("\n")).filter(l -> !have.contains(l)).toList();
    }

    /** Quorate's lines that C's output lacks. */
    private static List<String> extraLines(FlowRun.Step c, FlowRun.Step q) {
        var have = java.util.Set.of(c.normalised().split("\n"));
        return java.util.Arrays.stream(q.normalised().split("\n")).filter(l -> !have.contains(l)).toList();
    }

    /** What to say about the outputs of a step both runs reached with the same exit code. */
    private static String outputVerdict(FlowRun.Step a, FlowRun.Step b) {
        if (a.compare() == FlowRun.Compare.C_LINES_KEPT) {
            List<String> missing = missingLines(a, b);
            List<String> extra = extraLines(a, b);
            String plus = extra.isEmpty() ? "" : " (Quorate also: " + String.join("; ", extra) + ")";
            return missing.isEmpty() ? "same" + plus
                    : "different (C's '" + String.join("; ", missing) + "' not in Quorate's)" + plus;
        }
        return sameOutput(a, b) ? "same"
                : "different (output" + firstDifference(a.normalised(), b.normalised()) + ")";
    }

    /** ": C 'line' / Quorate 'line'" for the first line that differs, or "" when the texts are equal. */
    static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<end>";
            String r = i < y.length ? y[i] : "<end>";
            if (!l.equals(r)) {
                return ": C '" + clip(l) + "' / Quorate '" + clip(r) + "'";
            }
        }
        return "";
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 110 ? t.substring(0, 107) + "..." : t;
    }
}
