package org.quorate.state;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The current state of one enum state machine, changed only by {@link #moveTo}, after Aeron's
 * {@code state(next, nowNs, reason)}: every change passes here with its reason and its time, is checked against
 * the {@link TransitionTable}, and is returned as a {@link Transition}. Holds no logger and reads no clock: a
 * daemon passes an observer that logs and counts (see {@code org.quorate.daemon.TransitionLog}), pure code
 * returns the transitions to its caller. Not thread-safe; a machine belongs to one thread.
 */
public final class StateMachine<S extends Enum<S>> {
    private final String name;
    private final TransitionTable<S> table;
    private final Strictness strictness;
    private final Consumer<? super Transition<S>> observer;
    private S current;

    /**
     * @param name       names the machine in exceptions and logs, e.g. "qnetd client 198.18.0.1:5403"
     * @param observer   told of every transition made, legal or (lenient mode) not
     */
    public StateMachine(String name, TransitionTable<S> table, S initial, Strictness strictness,
                        Consumer<? super Transition<S>> observer) {
        this.name = Objects.requireNonNull(name, "name");
        this.table = Objects.requireNonNull(table, "table");
        this.current = Objects.requireNonNull(initial, "initial");
        this.strictness = Objects.requireNonNull(strictness, "strictness");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** A machine for pure code: strict under assertions, no observer (the caller handles the returned data). */
    public static <S extends Enum<S>> StateMachine<S> of(String name, TransitionTable<S> table, S initial) {
        return new StateMachine<>(name, table, initial, Strictness.fromAssertions(), t -> { });
    }

    /**
     * Enters {@code next}. In strict mode a change the table does not allow throws and the state stays; in
     * lenient mode it is made and reported with {@code legal} false.
     */
    public Transition<S> moveTo(S next, String reason, long nowNanos) {
        Objects.requireNonNull(next, "next");
        boolean legal = table.allows(current, next);
        if (!legal && strictness == Strictness.STRICT) {
            table.validate(name, current, next, reason);
        }
        Transition<S> transition = new Transition<>(current, next, reason, nowNanos, legal);
        current = next;
        observer.accept(transition);
        return transition;
    }

    /** True when the table allows {@code next} from here: for code that asks before it acts. */
    public boolean canMoveTo(S next) {
        return table.allows(current, next);
    }

    public S current() {
        return current;
    }

    public boolean is(S state) {
        return current == state;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + " in " + current;
    }
}
