package org.quorate.vqsim.script;

/** A script line that cannot be parsed or run; the message names the source and the line. */
public final class ScriptException extends RuntimeException {
    private final int line;

    public ScriptException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
