package org.quorate.link.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    @Test
    void acceptsEachCounterOnceWithinTheWindowAndNothingOlder() {
        ReplayWindow w = new ReplayWindow();
        assertThat(w.fresh(0)).isTrue();
        assertThat(w.fresh(-1)).isFalse();
        w.accept(5);
        assertThat(w.fresh(5)).isFalse();
        assertThat(w.fresh(0)).isTrue();
        w.accept(0);
        assertThat(w.fresh(0)).isFalse();
        w.accept(5 + ReplayWindow.SIZE);
        assertThat(w.fresh(5)).isFalse();          // now older than the window
        assertThat(w.fresh(6)).isTrue();           // the oldest counter still inside
        assertThat(w.fresh(5 + ReplayWindow.SIZE)).isFalse();
        w.accept(1_000_000);
        assertThat(w.fresh(999_999)).isTrue();
        assertThat(w.highest()).isEqualTo(1_000_000);
    }

    @Test
    void agreesWithASetModelOnRandomReorderedStreams() {
        Random random = new Random(11);
        ReplayWindow w = new ReplayWindow();
        Set<Long> seen = new HashSet<>();
        long highest = -1;
        for (int i = 0; i < 200_000; i++) {
            long c = Math.max(0, highest + random.nextInt(60) - 40);
            boolean expected = !seen.contains(c) && (c > highest || highest - c < ReplayWindow.SIZE);
            assertThat(w.fresh(c)).as("counter %d after highest %d", c, highest).isEqualTo(expected);
            if (expected) {
                w.accept(c);
                seen.add(c);
                highest = Math.max(highest, c);
            }
        }
    }
}
