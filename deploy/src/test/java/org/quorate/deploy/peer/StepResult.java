package org.quorate.deploy.peer;

/**
 * One step of a peer flow as the user saw it: where it ran, what was typed, its exit code and its
 * output (stdout then stderr). Checks the test makes between commands (a vote appears, a split is
 * decided) are steps too: exit 0 when the expected state was seen in time, 1 otherwise, with the
 * last observation as output. {@code millis}: how long the step took (a check: until its state was seen).
 */
public record StepResult(String step, String host, String command, int exitCode, String output, Compare compare,
                         long millis) {
    /** How two stacks' outputs of a step are compared. */
    public enum Compare {
        /** line by line after normalising */
        EXACT,
        /** as a set of lines after normalising: pcs talks to several nodes at once, lines come in any order */
        UNORDERED,
        /** exit code only; the output is printed for the reader (daemon messages differ by design) */
        EXIT_CODE_ONLY
    }
}
