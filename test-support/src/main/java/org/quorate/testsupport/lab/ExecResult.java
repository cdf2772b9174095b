package org.quorate.testsupport.lab;

import java.time.Duration;
import java.util.List;

/**
 * What one command run on a lab host did. {@code exitCode} is -1 when the command was killed because it
 * ran past its timeout ({@code timedOut} is then true).
 */
public record ExecResult(String host, List<String> command, int exitCode, String stdout, String stderr,
                         boolean timedOut, Duration took) {

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Returns this result if the command exited 0, otherwise throws with the command and its output. */
    public ExecResult requireOk() {
        if (!ok()) {
            throw new IllegalStateException(describe());
        }
        return this;
    }

    /** One readable paragraph for failure messages. */
    public String describe() {
        return "on " + host + ": " + String.join(" ", command)
                + (timedOut ? " timed out after " + took.toMillis() + " ms" : " exited " + exitCode)
                + (stdout.isBlank() ? "" : "\n--- stdout ---\n" + stdout.strip())
                + (stderr.isBlank() ? "" : "\n--- stderr ---\n" + stderr.strip());
    }
}
