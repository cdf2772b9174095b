package org.quorate.link.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReassemblerTest {
    private static final long MS = 1_000_000L;
    private final ReassemblyLimits limits = new ReassemblyLimits(4, 10_000, Duration.ofSeconds(2));

    private static byte[] message(int length, int seed) {
        byte[] m = new byte[length];
        new Random(seed).nextBytes(m);
        return m;
    }

    private static byte[] chunk(byte[] message, int index, int maxChunk) {
        int off = Fragmenter.offset(index, maxChunk);
        return Arrays.copyOfRange(message, off, off + Fragmenter.length(message.length, index, maxChunk));
    }

    @Test
    void aSingleFragmentIsTheMessageItself() {
        Reassembler r = new Reassembler(limits);
        byte[] m = message(100, 1);
        assertThat(r.offer(1, 0, 1, m, 0)).isSameAs(m);
        assertThat(r.bufferedBytes()).isZero();
        assertThat(r.completed()).isEqualTo(1);
    }

    @Test
    void fragmentsInAnyOrderWithDuplicatesGiveTheMessageOnce() {
        Reassembler r = new Reassembler(limits);
        byte[] m = message(2500, 2);
        assertThat(r.offer(9, 2, 3, chunk(m, 2, 1000), 0)).isNull();
        assertThat(r.offer(9, 0, 3, chunk(m, 0, 1000), 0)).isNull();
        assertThat(r.offer(9, 0, 3, chunk(m, 0, 1000), 0)).isNull();
        assertThat(r.duplicateFragments()).isEqualTo(1);
        assertThat(r.bufferedBytes()).isEqualTo(1500);
        assertThat(r.offer(9, 1, 3, chunk(m, 1, 1000), 0)).isEqualTo(m);
        assertThat(r.bufferedBytes()).isZero();
        assertThat(r.inProgress()).isZero();
        assertThat(r.dropped()).isZero();
    }

    @Test
    void aFragmentWithAnotherCountDropsItsMessage() {
        Reassembler r = new Reassembler(limits);
        byte[] m = message(2500, 3);
        r.offer(1, 0, 3, chunk(m, 0, 1000), 0);
        assertThat(r.offer(1, 3, 4, new byte[1000], 0)).isNull();
        assertThat(r.badFragments()).isEqualTo(1);
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(r.bufferedBytes()).isZero();
        // the rest of the original now starts a new message that cannot complete without fragment 0
        assertThat(r.offer(1, 1, 3, chunk(m, 1, 1000), 0)).isNull();
        assertThat(r.offer(1, 2, 3, chunk(m, 2, 1000), 0)).isNull();
    }

    @Test
    void aFragmentWithAnotherLengthDropsItsMessage() {
        Reassembler r = new Reassembler(limits);
        r.offer(1, 0, 3, new byte[1000], 0);
        assertThat(r.offer(1, 1, 3, new byte[999], 0)).isNull();
        r.offer(2, 0, 3, new byte[1000], 0);
        assertThat(r.offer(2, 2, 3, new byte[1001], 0)).isNull(); // the last may not be longer
        r.offer(3, 2, 3, new byte[600], 0);
        assertThat(r.offer(3, 0, 3, new byte[500], 0)).isNull(); // nor the others shorter than the last
        assertThat(r.badFragments()).isEqualTo(3);
        assertThat(r.dropped()).isEqualTo(3);
        assertThat(r.inProgress()).isZero();
    }

    @Test
    void outOfRangeIndexesAndCountsAreBadFragments() {
        Reassembler r = new Reassembler(limits);
        assertThat(r.offer(1, 3, 3, new byte[10], 0)).isNull();
        assertThat(r.offer(1, -1, 3, new byte[10], 0)).isNull();
        assertThat(r.offer(1, 0, 0, new byte[10], 0)).isNull();
        assertThat(r.offer(1, 0, 256, new byte[10], 0)).isNull();
        assertThat(r.offer(1, 0, 3, new byte[0], 0)).isNull();
        assertThat(r.offer(2, 0, 1, new byte[Fragmenter.MAX_MESSAGE + 1], 0)).isNull();
        assertThat(r.badFragments()).isEqualTo(6);
        assertThat(r.bufferedBytes()).isZero();
    }

    @Test
    void moreThanTheLargestMessageIsRefused() {
        Reassembler r = new Reassembler(new ReassemblyLimits(4, 1 << 20, Duration.ofSeconds(2)));
        // 255 fragments of 1000 bytes would be 255,000 bytes
        assertThat(r.offer(1, 0, 255, new byte[1000], 0)).isNull();
        assertThat(r.offer(2, 254, 255, new byte[1000], 0)).isNull();
        assertThat(r.badFragments()).isEqualTo(2);
        assertThat(r.bufferedBytes()).isZero();
    }

    @Test
    void theLargestMessageReassemblesAtTheSmallestChunk() {
        Reassembler r = new Reassembler(ReassemblyLimits.DEFAULTS);
        byte[] m = message(Fragmenter.MAX_MESSAGE, 4);
        int chunk = Fragmenter.MIN_CHUNK;
        int count = Fragmenter.count(m.length, chunk);
        byte[] out = null;
        for (int i = count - 1; i >= 0; i--) {
            out = r.offer(77, i, count, chunk(m, i, chunk), 0);
        }
        assertThat(out).isEqualTo(m);
    }

    @Test
    void incompleteMessagesExpire() {
        Reassembler r = new Reassembler(limits);
        r.offer(1, 0, 2, new byte[100], 0);
        r.offer(2, 0, 2, new byte[100], 1000 * MS);
        r.expire(1999 * MS);
        assertThat(r.inProgress()).isEqualTo(2);
        r.expire(2000 * MS);
        assertThat(r.inProgress()).isEqualTo(1);
        assertThat(r.bufferedBytes()).isEqualTo(100);
        // offer expires too: the second message's fragment arrives too late
        assertThat(r.offer(2, 1, 2, new byte[100], 3000 * MS)).isNull();
        assertThat(r.dropped()).isEqualTo(2);
        assertThat(r.inProgress()).isEqualTo(1); // fragment 1 started a new, incomplete message
    }

    @Test
    void theOldestMessageMakesRoomForANewOne() {
        Reassembler r = new Reassembler(limits);
        for (int seq = 1; seq <= 4; seq++) {
            r.offer(seq, 0, 2, new byte[10], seq);
        }
        r.offer(5, 0, 2, new byte[10], 5);
        assertThat(r.inProgress()).isEqualTo(4);
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(r.offer(2, 1, 2, new byte[10], 6)).hasSize(20); // 2 survived
        assertThat(r.offer(1, 1, 2, new byte[10], 7)).isNull(); // 1 was evicted: its second half starts anew
        assertThat(r.inProgress()).isEqualTo(4);
    }

    @Test
    void theByteBoundEvictsOldestFirstAndKeepsTheGrowingMessage() {
        Reassembler r = new Reassembler(new ReassemblyLimits(16, 3000, Duration.ofSeconds(2)));
        r.offer(1, 0, 3, new byte[1000], 0);
        r.offer(2, 0, 3, new byte[1000], 0);
        r.offer(3, 0, 3, new byte[1000], 0);
        assertThat(r.bufferedBytes()).isEqualTo(3000);
        r.offer(3, 1, 3, new byte[1000], 0);
        assertThat(r.bufferedBytes()).isEqualTo(3000);
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(r.offer(3, 2, 3, new byte[10], 0)).hasSize(2010);
        assertThat(r.dropped()).isEqualTo(2); // message 2 went for the last 10 bytes
        assertThat(r.bufferedBytes()).isZero();
    }

    @Test
    void aMessageLargerThanTheByteBoundIsDroppedNotHeld() {
        Reassembler r = new Reassembler(new ReassemblyLimits(16, 1500, Duration.ofSeconds(2)));
        r.offer(1, 0, 2, new byte[1000], 0);
        assertThat(r.offer(1, 1, 2, new byte[1000], 0)).isNull();
        assertThat(r.bufferedBytes()).isZero();
        assertThat(r.dropped()).isEqualTo(1);
    }

    @Test
    void clearForgetsEverything() {
        Reassembler r = new Reassembler(limits);
        r.offer(1, 0, 2, new byte[10], 0);
        r.clear();
        assertThat(r.inProgress()).isZero();
        assertThat(r.bufferedBytes()).isZero();
        assertThat(r.offer(1, 1, 2, new byte[10], 0)).isNull();
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new Reassembler(new ReassemblyLimits(0, 1, Duration.ofSeconds(1))))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new Reassembler(new ReassemblyLimits(1, 1, Duration.ZERO)))
                .hasMessageContaining("positive");
    }

    /** A flood of fragments that never complete stays within the bounds, and a real message still gets through. */
    @Property(tries = 50)
    void aNeverCompletingFloodStaysBounded(@ForAll long seed) {
        ReassemblyLimits small = new ReassemblyLimits(8, 64 * 1024, Duration.ofMillis(500));
        Reassembler r = new Reassembler(small);
        Random rnd = new Random(seed);
        long now = 0;
        for (int i = 0; i < 5000; i++) {
            int count = 2 + rnd.nextInt(254);
            int index = rnd.nextInt(count - 1); // never the last: nothing ever completes
            r.offer(rnd.nextInt(1000), index, count, new byte[1 + rnd.nextInt(1400)], now);
            now += rnd.nextInt(2) * MS;
            assertThat(r.bufferedBytes()).isBetween(0, small.maxBytes());
            assertThat(r.inProgress()).isBetween(0, small.maxMessages());
        }
        byte[] m = message(4000, (int) seed);
        byte[] out = null;
        for (int i = 0; i < 4; i++) {
            out = r.offer(5000, i, 4, chunk(m, i, 1000), now);
        }
        assertThat(out).isEqualTo(m);
    }

    /** Any order, any duplicates, interleaved messages: each completes exactly once with its own bytes. */
    @Property(tries = 200)
    void shuffledDuplicatedFragmentsReassemble(@ForAll long seed,
                                               @ForAll @IntRange(min = 1, max = 4) int messages,
                                               @ForAll @IntRange(min = 258, max = 1472) int chunk) {
        Reassembler r = new Reassembler(ReassemblyLimits.DEFAULTS);
        Random rnd = new Random(seed);
        List<byte[]> originals = new ArrayList<>();
        List<int[]> frags = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            byte[] msg = message(rnd.nextInt(Fragmenter.MAX_MESSAGE + 1), rnd.nextInt());
            originals.add(msg);
            int count = Fragmenter.count(msg.length, chunk);
            for (int i = 0; i < count; i++) {
                frags.add(new int[] {m, i, count});
                if (rnd.nextInt(4) == 0) {
                    frags.add(new int[] {m, i, count});
                }
            }
        }
        Collections.shuffle(frags, rnd);
        int[] done = new int[messages];
        for (int[] f : frags) {
            // the engine asks the dedup window first: fragments of a delivered message never reach the reassembler
            // (without that, duplicates of every fragment arriving after completion would assemble it again)
            if (done[f[0]] > 0) {
                continue;
            }
            byte[] out = r.offer(f[0], f[1], f[2], chunk(originals.get(f[0]), f[1], chunk), 0);
            if (out != null) {
                assertThat(out).isEqualTo(originals.get(f[0]));
                done[f[0]]++;
            }
        }
        for (int m = 0; m < messages; m++) {
            assertThat(done[m]).as("message %d delivered once", m).isEqualTo(1);
        }
        assertThat(r.dropped()).isZero();
    }

    /** Arbitrary fragments (any seq, index, count, length, last ones included): only ever drops, within bounds. */
    @Property(tries = 100)
    void garbageFragmentsNeverThrowAndStayBounded(@ForAll long seed) {
        ReassemblyLimits small = new ReassemblyLimits(8, 200_000, Duration.ofMillis(500));
        Reassembler r = new Reassembler(small);
        Random rnd = new Random(seed);
        long now = 0;
        for (int i = 0; i < 3000; i++) {
            int count = rnd.nextInt(260) - 2;
            int index = rnd.nextInt(262) - 3;
            byte[] chunk = new byte[rnd.nextInt(3) == 0 ? rnd.nextInt(9000) : rnd.nextInt(300)];
            byte[] out = r.offer(rnd.nextInt(6), index, count, chunk, now);
            if (out != null) {
                assertThat(out.length).isLessThanOrEqualTo(Fragmenter.MAX_MESSAGE);
            }
            now += rnd.nextInt(3) * MS;
            assertThat(r.bufferedBytes()).isBetween(0, small.maxBytes());
            assertThat(r.inProgress()).isBetween(0, small.maxMessages());
        }
    }
}
