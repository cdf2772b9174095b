package org.quorate.qdevice.net;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every from/to pair of the net client's states, allowed or not, written out by hand. */
class NetClientStateTransitionsTest {
    /** Rows: from; columns: to, in declaration order. x: allowed. */
    private static final String GRID = """
                                            WC CF WP WS WI WV ST
            WAITING_CONNECT                 x  x  x  .  .  .  x
            CONNECT_FAILED                  x  .  .  .  .  .  x
            WAITING_PREINIT_REPLY           x  .  .  x  x  .  x
            WAITING_STARTTLS_BEING_SENT     x  .  .  .  x  .  x
            WAITING_INIT_REPLY              x  .  .  .  .  x  x
            WAITING_VOTEQUORUM_CMAP_EVENTS  x  .  .  .  .  .  x
            STOPPED                         .  .  .  .  .  .  .
            """;

    @Test
    void everyPairIsAllowedOrForbiddenAsTheGridSays() {
        NetClientState[] states = NetClientState.values();
        List<String> rows = GRID.lines().skip(1).toList();
        assertThat(rows).hasSize(states.length);
        List<String> wrong = new ArrayList<>();
        for (int f = 0; f < states.length; f++) {
            String[] cells = rows.get(f).trim().split("\\s+");
            assertThat(cells[0]).isEqualTo(states[f].name());
            for (int t = 0; t < states.length; t++) {
                boolean expected = cells[t + 1].equals("x");
                if (NetClientState.TRANSITIONS.allows(states[f], states[t]) != expected) {
                    wrong.add(states[f] + " -> " + states[t] + " should be " + (expected ? "allowed" : "forbidden"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
