package org.quorate.qnetd.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every from/to pair of a qnetd client session's phases, allowed or not, written out by hand. */
class SessionPhaseTransitionsTest {
    /** Rows: from; columns: to, in declaration order. x: allowed. */
    private static final String GRID = """
                                      CO PR TS TV IP IT IV CL
            CONNECTED                 .  x  .  .  .  .  .  x
            PREINIT_RECEIVED          .  .  x  .  x  .  .  x
            TLS_STARTED               .  .  x  x  .  x  .  x
            TLS_VERIFIED              .  .  x  .  .  .  x  x
            INITIALISED_PLAIN         .  .  .  .  .  x  .  x
            INITIALISED_TLS           .  .  .  .  .  x  x  x
            INITIALISED_TLS_VERIFIED  .  .  .  .  .  x  .  x
            CLOSED                    .  .  .  .  .  .  .  .
            """;

    @Test
    void everyPairIsAllowedOrForbiddenAsTheGridSays() {
        SessionPhase[] phases = SessionPhase.values();
        List<String> rows = GRID.lines().skip(1).toList();
        assertThat(rows).hasSize(phases.length);
        List<String> wrong = new ArrayList<>();
        for (int f = 0; f < phases.length; f++) {
            String[] cells = rows.get(f).trim().split("\\s+");
            assertThat(cells[0]).isEqualTo(phases[f].name());
            for (int t = 0; t < phases.length; t++) {
                boolean expected = cells[t + 1].equals("x");
                if (SessionPhase.TRANSITIONS.allows(phases[f], phases[t]) != expected) {
                    wrong.add(phases[f] + " -> " + phases[t] + " should be " + (expected ? "allowed" : "forbidden"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The flags the C server keeps apart are derived from the phase; no phase claims an impossible mix. */
    @Test
    void noPhaseIsVerifiedWithoutTlsOrInitialisedWithoutPreinit() {
        for (SessionPhase p : SessionPhase.values()) {
            assertThat(!p.certificateVerified() || p.tlsStarted()).as(p + ": verified implies TLS").isTrue();
            assertThat(!p.tlsStarted() || p.preinitReceived()).as(p + ": TLS implies PREINIT").isTrue();
            assertThat(!p.initialised() || p.preinitReceived()).as(p + ": INIT implies PREINIT").isTrue();
        }
    }
}
