package org.quorate.daemon;

import org.quorate.state.Transition;
import org.slf4j.Logger;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The daemon-shell end of {@link org.quorate.state.StateMachine}s of one kind: logs every transition at debug
 * with its reason, a transition the table does not allow at error (it is a bug), and counts both by from/to
 * pair across all machines of the kind (one instance serves every client session, say).
 */
public final class TransitionLog<S extends Enum<S>> {
    private final Logger log;
    private final LongAdder[][] counts;

    public TransitionLog(Logger log, Class<S> states) {
        this.log = log;
        int n = states.getEnumConstants().length;
        this.counts = new LongAdder[n][n];
        for (LongAdder[] row : counts) {
            for (int i = 0; i < n; i++) {
                row[i] = new LongAdder();
            }
        }
    }

    /** The observer for one machine; {@code machine} names it in the log, e.g. "Client 198.18.0.1:5403". */
    public Consumer<Transition<S>> observer(String machine) {
        return t -> record(machine, t);
    }

    private void record(String machine, Transition<S> t) {
        counts[t.from().ordinal()][t.to().ordinal()].increment();
        if (!t.legal()) {
            log.error("{}: state {} -> {} is not allowed (a bug; reason given: {})", machine, t.from(), t.to(),
                    t.reason());
        } else if (log.isDebugEnabled()) {
            log.debug("{}: state {} -> {} ({})", machine, t.from(), t.to(), t.reason());
        }
    }

    /** How often {@code from -> to} happened, over every machine this log observed. */
    public long count(S from, S to) {
        return counts[from.ordinal()][to.ordinal()].sum();
    }
}
