package org.quorate.state;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateMachineTest {
    enum Door { OPEN, CLOSED, LOCKED }

    static final TransitionTable<Door> DOOR = TransitionTable.of(Door.class)
            .allow(Door.CLOSED).to(Door.OPEN)
            .allow(Door.OPEN, Door.LOCKED).to(Door.CLOSED)
            .allow(Door.CLOSED).to(Door.LOCKED)
            .build();

    @Test
    void theTableListsPredecessorsAndNothingElse() {
        assertThat(DOOR.predecessors(Door.CLOSED)).containsExactlyInAnyOrder(Door.OPEN, Door.LOCKED);
        assertThat(DOOR.allows(Door.LOCKED, Door.OPEN)).isFalse();
        assertThat(DOOR.allows(Door.OPEN, Door.OPEN)).as("staying is a transition too").isFalse();
        assertThatThrownBy(() -> DOOR.validate("door", Door.LOCKED, Door.OPEN, "kick"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("door: LOCKED -> OPEN is not allowed (reason given: kick)");
    }

    @Test
    void everyChangeIsReturnedAndObservedWithItsReasonAndTime() {
        List<Transition<Door>> seen = new ArrayList<>();
        StateMachine<Door> door = new StateMachine<>("door", DOOR, Door.OPEN, Strictness.STRICT, seen::add);

        Transition<Door> closed = door.moveTo(Door.CLOSED, "wind", 10);
        Transition<Door> locked = door.moveTo(Door.LOCKED, "night", 20);

        assertThat(closed).isEqualTo(new Transition<>(Door.OPEN, Door.CLOSED, "wind", 10, true));
        assertThat(locked).isEqualTo(new Transition<>(Door.CLOSED, Door.LOCKED, "night", 20, true));
        assertThat(seen).containsExactly(closed, locked);
        assertThat(door.current()).isEqualTo(Door.LOCKED);
        assertThat(door.canMoveTo(Door.OPEN)).isFalse();
    }

    @Test
    void strictModeThrowsAndStays() {
        List<Transition<Door>> seen = new ArrayList<>();
        StateMachine<Door> door = new StateMachine<>("front door", DOOR, Door.LOCKED, Strictness.STRICT, seen::add);

        assertThatThrownBy(() -> door.moveTo(Door.OPEN, "kick", 5))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("front door: LOCKED -> OPEN");
        assertThat(door.current()).isEqualTo(Door.LOCKED);
        assertThat(seen).isEmpty();
    }

    @Test
    void lenientModeMakesTheChangeAndReportsItAsIllegal() {
        List<Transition<Door>> seen = new ArrayList<>();
        StateMachine<Door> door = new StateMachine<>("door", DOOR, Door.LOCKED, Strictness.LENIENT, seen::add);

        Transition<Door> t = door.moveTo(Door.OPEN, "kick", 5);

        assertThat(t.legal()).isFalse();
        assertThat(t.toString()).isEqualTo("LOCKED -> OPEN (kick) [not allowed]");
        assertThat(door.current()).isEqualTo(Door.OPEN);
        assertThat(seen).containsExactly(t);
    }

    @Test
    void testsRunStrictBecauseAssertionsAreOn() {
        assertThat(Strictness.fromAssertions()).isEqualTo(Strictness.STRICT);
        StateMachine<Door> pure = StateMachine.of("door", DOOR, Door.LOCKED);
        assertThatThrownBy(() -> pure.moveTo(Door.OPEN, "kick", 1)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void allowNeedsAPredecessor() {
        assertThatThrownBy(() -> TransitionTable.of(Door.class).allow().to(Door.OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
