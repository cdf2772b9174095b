package org.quorate.state;

/** A state change that the machine's {@link TransitionTable} does not allow, thrown in strict mode. */
public final class IllegalTransitionException extends IllegalStateException {
    private final transient Enum<?> from;
    private final transient Enum<?> to;

    IllegalTransitionException(String machine, Enum<?> from, Enum<?> to, String reason) {
        super(machine + ": " + from + " -> " + to + " is not allowed (reason given: " + reason + ")");
        this.from = from;
        this.to = to;
    }

    public Enum<?> from() {
        return from;
    }

    public Enum<?> to() {
        return to;
    }
}
