package org.quorate.qdevice.heuristics;

import org.quorate.protocol.HeuristicsResult;

import java.util.List;

/**
 * The result of one heuristics run as handed to the caller.
 *
 * @param result   PASS iff every command exited 0 in time; FAIL otherwise; UNDEFINED when heuristics are disabled
 * @param problems why the run failed, one line per problem naming the exec key (empty on PASS)
 */
public record HeuristicsOutcome(HeuristicsKind kind, HeuristicsResult result, List<String> problems) {

    public HeuristicsOutcome {
        problems = List.copyOf(problems);
    }

    static HeuristicsOutcome disabled(HeuristicsKind kind) {
        return new HeuristicsOutcome(kind, HeuristicsResult.UNDEFINED, List.of());
    }

    static HeuristicsOutcome pass(HeuristicsKind kind) {
        return new HeuristicsOutcome(kind, HeuristicsResult.PASS, List.of());
    }

    static HeuristicsOutcome fail(HeuristicsKind kind, List<String> problems) {
        return new HeuristicsOutcome(kind, HeuristicsResult.FAIL, problems);
    }
}
