package org.quorate.qnetd.server;

import org.junit.jupiter.api.Test;
import org.quorate.time.VirtualScheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandshakeGateTest {
    private final List<String> started = new ArrayList<>();
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final HandshakeGate gate = new HandshakeGate(2, 1000, scheduler);

    private HandshakeGate.Ticket enter(String name) {
        return gate.enter(() -> started.add(name));
    }

    @Test
    void startsUpToTheLimitAtOnceAndTheRestInArrivalOrder() {
        HandshakeGate.Ticket a = enter("a");
        HandshakeGate.Ticket b = enter("b");
        HandshakeGate.Ticket c = enter("c");
        enter("d");
        assertThat(started).containsExactly("a", "b");
        assertThat(c.started()).isFalse();
        assertThat(gate.waiting()).isEqualTo(2);

        b.release();
        assertThat(started).containsExactly("a", "b", "c");
        a.release();
        assertThat(started).containsExactly("a", "b", "c", "d");
        assertThat(gate.running()).isEqualTo(2);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aConnectionThatClosesWhileWaitingIsSkipped() {
        HandshakeGate.Ticket a = enter("a");
        enter("b");
        HandshakeGate.Ticket gone = enter("gone");
        enter("d");
        gone.release();
        assertThat(gate.waiting()).isEqualTo(1);

        a.release();
        assertThat(started).containsExactly("a", "b", "d");
    }

    @Test
    void releasingTwiceFreesOnePlaceOnly() {
        HandshakeGate.Ticket a = enter("a");
        enter("b");
        enter("c");
        enter("d");
        a.release();
        a.release();
        assertThat(started).containsExactly("a", "b", "c");
        assertThat(gate.running()).isEqualTo(2);
    }

    @Test
    void aHandshakeThatEndsAtOnceStillLetsTheNextOneIn() {
        // e.g. the connection is already closed when its turn comes: the start action releases right away
        HandshakeGate.Ticket[] self = new HandshakeGate.Ticket[1];
        enter("a").release();
        self[0] = gate.enter(() -> {
            started.add("closing");
            if (self[0] != null) {
                self[0].release();
            }
        });
        self[0].release();
        enter("e");
        assertThat(started).containsExactly("a", "closing", "e");
        assertThat(gate.running()).isEqualTo(1);
    }

    @Test
    void aStalledHandshakeGivesUpItsPlaceWhenItsLeaseEnds() {
        HandshakeGate.Ticket stalled = enter("stalled");
        enter("slow");
        enter("next");
        scheduler.advance(999, TimeUnit.MILLISECONDS);
        assertThat(started).containsExactly("stalled", "slow");
        scheduler.advance(1, TimeUnit.MILLISECONDS);
        // both leases ran out: the two places go to the next in line (only one is waiting)
        assertThat(started).containsExactly("stalled", "slow", "next");
        assertThat(gate.running()).isEqualTo(1);
        // the stalled handshake ending later does not free a place twice
        stalled.release();
        assertThat(gate.running()).isEqualTo(1);
    }

    @Test
    void aHandshakeDoneInTimeCancelsItsLease() {
        HandshakeGate.Ticket quick = enter("quick");
        quick.release();
        enter("a");
        enter("b");
        enter("c");
        scheduler.advance(999, TimeUnit.MILLISECONDS);
        assertThat(started).containsExactly("quick", "a", "b");
        assertThat(gate.running()).isEqualTo(2);
    }

    @Test
    void theLimitAndLeaseMustBePositive() {
        assertThatThrownBy(() -> new HandshakeGate(0, 1000, scheduler)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new HandshakeGate(1, 0, scheduler)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease");
    }
}
