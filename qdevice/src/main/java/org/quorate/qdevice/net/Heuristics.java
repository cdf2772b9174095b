package org.quorate.qdevice.net;

import org.quorate.protocol.HeuristicsResult;
import org.quorate.qdevice.backend.HeuristicsMode;

import java.util.function.Consumer;

/** The heuristics as the net client uses them (spec §9); results come back on the client's loop. */
public interface Heuristics {
    /** When heuristics run. */
    enum Kind { CONNECT, MEMBERSHIP, REGULAR }

    /** Heuristics that are off: every run answers UNDEFINED at once. */
    Heuristics DISABLED = new Heuristics() {
        @Override
        public HeuristicsMode mode() {
            return HeuristicsMode.OFF;
        }

        @Override
        public void run(Kind kind, Consumer<HeuristicsResult> result) {
            result.accept(HeuristicsResult.UNDEFINED);
        }
    };

    /** OFF also when no exec command is configured. */
    HeuristicsMode mode();

    default boolean enabled() {
        return mode() != HeuristicsMode.OFF;
    }

    /** Runs the commands once; MEMBERSHIP runs use the sync timeout. */
    void run(Kind kind, Consumer<HeuristicsResult> result);

    /** Starts the periodic runs of mode ON; the default does nothing. */
    default void startRegular(Consumer<HeuristicsResult> result) {
    }

    default void stopRegular() {
    }
}
