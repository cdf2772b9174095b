package org.quorate.link.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DedupWindowTest {

    @Test
    void sizeIsRoundedUpToAPowerOfTwoOfAtLeast64() {
        assertThat(new DedupWindow(4096).size()).isEqualTo(4096);
        assertThat(new DedupWindow(4000).size()).isEqualTo(4096);
        assertThat(new DedupWindow(1).size()).isEqualTo(64);
        assertThat(new DedupWindow(65).size()).isEqualTo(128);
    }

    @Test
    void deliversEachSequenceOnceInAnyOrder() {
        DedupWindow w = new DedupWindow(DedupWindow.KNET_SIZE);
        assertThat(w.seen(5)).isFalse();
        assertThat(w.firstTime(5)).isTrue();
        assertThat(w.seen(5)).isTrue();
        assertThat(w.firstTime(5)).isFalse();
        assertThat(w.firstTime(3)).isTrue();
        assertThat(w.firstTime(4)).isTrue();
        assertThat(w.firstTime(3)).isFalse();
        assertThat(w.seen(6)).isFalse();
        assertThat(w.seen(6)).isFalse(); // seen does not mark
        assertThat(w.firstTime(6)).isTrue();
    }

    @Test
    void olderThanTheWindowCountsAsSeen() {
        DedupWindow w = new DedupWindow(64);
        w.firstTime(1000);
        assertThat(w.seen(1000 - 63)).isFalse();
        assertThat(w.firstTime(1000 - 63)).isTrue();
        assertThat(w.seen(1000 - 64)).isTrue();
        assertThat(w.firstTime(1000 - 64)).isFalse();
    }

    @Test
    void aJumpPastTheWholeWindowForgetsTheOldBits() {
        DedupWindow w = new DedupWindow(64);
        for (long s = 0; s < 64; s++) {
            w.firstTime(s);
        }
        w.firstTime(64 + 200);
        for (long s = 201; s < 264; s++) {
            assertThat(w.seen(s)).as("seq %d", s).isFalse();
        }
    }

    @Test
    void clearStartsOver() {
        DedupWindow w = new DedupWindow(64);
        w.firstTime(7);
        w.clear();
        assertThat(w.seen(7)).isFalse();
        assertThat(w.firstTime(7)).isTrue();
    }

    /** Against a model: a set of everything delivered, plus "older than the window" = seen. */
    @Property(tries = 300)
    void agreesWithASetModel(@ForAll @Size(max = 400) List<@LongRange(min = 0, max = 600) Long> seqs) {
        DedupWindow w = new DedupWindow(64);
        Set<Long> delivered = new HashSet<>();
        long highest = -1;
        for (long s : seqs) {
            boolean expected = !delivered.contains(s) && (highest < 0 || highest - s < 64);
            assertThat(w.seen(s)).isEqualTo(!expected);
            assertThat(w.firstTime(s)).as("seq %d after highest %d", s, highest).isEqualTo(expected);
            if (expected) {
                delivered.add(s);
                highest = Math.max(highest, s);
            }
        }
    }
}
