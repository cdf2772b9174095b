package org.quorate.testsupport.simnet;

/**
 * One thing the network did to a datagram, at virtual time {@code nanos}. Two runs with the same seed
 * and the same sends produce equal lists of these: that is the replay guarantee.
 */
public record TraceEvent(long nanos, Kind kind, Datagram datagram, DropReason reason) {
    public enum Kind { SENT, DUPLICATED, DROPPED, DELIVERED }

    /** Why a datagram was dropped; {@code null} for the other kinds. */
    public enum DropReason { CUT, OVER_MTU, RANDOM_LOSS, NO_RECEIVER }

    @Override
    public String toString() {
        return nanos + " " + kind + " " + datagram + (reason == null ? "" : " " + reason);
    }

    /** Receives every trace event as it happens, on the scheduler thread. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(TraceEvent event);
    }
}
