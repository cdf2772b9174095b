package org.quorate.deploy.flows;

/** What one command gave on one host: exit code and both streams. */
record Outcome(String host, String command, int exitCode, String stdout, String stderr) {
    boolean ok() {
        return exitCode == 0;
    }

    /** stdout, then stderr, as an administrator sees them on a terminal. */
    String text() {
        return stderr.isEmpty() ? stdout : stdout + (stdout.isEmpty() || stdout.endsWith("\n") ? "" : "\n") + stderr;
    }

    Outcome requireOk() {
        if (!ok()) {
            throw new AssertionError(describe());
        }
        return this;
    }

    String describe() {
        return host + "# " + command + "\n  exit " + exitCode + "\n  stdout: " + stdout.strip() + "\n  stderr: "
                + stderr.strip();
    }
}
