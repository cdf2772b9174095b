package org.quorate.state;

/** What a {@link StateMachine} does with a change its table does not allow. */
public enum Strictness {
    /** Throw {@link IllegalTransitionException} and stay: a test must fail loudly. */
    STRICT,
    /**
     * Make the change and report it with {@link Transition#legal()} false, so a daemon logs the bug and keeps
     * going in the state its code went on to assume.
     */
    LENIENT;

    /** STRICT where Java assertions are on (every test run), LENIENT in production. */
    public static Strictness fromAssertions() {
        boolean assertions = false;
        assert assertions = true;
        return assertions ? STRICT : LENIENT;
    }
}
