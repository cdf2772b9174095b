package org.quorate.state;

import java.util.Objects;

/**
 * One state change, as data: pure code returns it and the daemon shell around it logs and counts it.
 *
 * @param from    the state left
 * @param to      the state entered
 * @param reason  why, in words for the debug log ("TCP connected", "INIT accepted")
 * @param atNanos when, on the caller's monotonic clock (never read from the system clock here)
 * @param legal   false only in lenient mode, for a change the table does not allow (a bug to report)
 */
public record Transition<S extends Enum<S>>(S from, S to, String reason, long atNanos, boolean legal) {
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return from + " -> " + to + " (" + reason + ")" + (legal ? "" : " [not allowed]");
    }
}
