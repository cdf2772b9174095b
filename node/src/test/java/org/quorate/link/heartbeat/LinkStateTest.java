package org.quorate.link.heartbeat;

import org.junit.jupiter.api.Test;
import org.quorate.link.pmtud.PmtuState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.heartbeat.LinkState.CONNECTING;
import static org.quorate.link.heartbeat.LinkState.DOWN;
import static org.quorate.link.heartbeat.LinkState.UP;

/** The predecessor tables, written out: a change to them must be a decision, not an accident. */
class LinkStateTest {

    @Test
    void aLinkComesUpOnlyThroughCounting() {
        assertThat(LinkState.TABLE.predecessors(CONNECTING)).containsExactlyInAnyOrder(DOWN);
        assertThat(LinkState.TABLE.predecessors(UP)).containsExactlyInAnyOrder(CONNECTING);
        assertThat(LinkState.TABLE.predecessors(DOWN)).containsExactlyInAnyOrder(CONNECTING, UP);
        assertThat(LinkState.TABLE.allows(DOWN, UP)).isFalse();
        assertThat(UP.connected()).isTrue();
        assertThat(CONNECTING.connected()).isFalse();
    }

    @Test
    void pmtudPhases() {
        assertThat(PmtuState.TABLE.predecessors(PmtuState.FIXED)).isEmpty();
        assertThat(PmtuState.TABLE.predecessors(PmtuState.SEARCH_COMPLETE)).containsExactly(PmtuState.SEARCHING);
        assertThat(PmtuState.TABLE.predecessors(PmtuState.ERROR)).containsExactly(PmtuState.BASE);
        assertThat(PmtuState.TABLE.predecessors(PmtuState.BASE)).containsExactlyInAnyOrder(PmtuState.BASE,
                PmtuState.SEARCHING, PmtuState.SEARCH_COMPLETE, PmtuState.ERROR);
    }
}
