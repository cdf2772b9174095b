package org.quorate.link.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FragmenterTest {

    @Test
    void anEmptyMessageIsOneEmptyFragment() {
        assertThat(Fragmenter.count(0, 1000)).isEqualTo(1);
        assertThat(Fragmenter.length(0, 0, 1000)).isZero();
    }

    @Test
    void exactMultiplesNeedNoExtraFragment() {
        assertThat(Fragmenter.count(3000, 1000)).isEqualTo(3);
        assertThat(Fragmenter.count(3001, 1000)).isEqualTo(4);
        assertThat(Fragmenter.length(3001, 3, 1000)).isEqualTo(1);
        assertThat(Fragmenter.offset(3, 1000)).isEqualTo(3000);
    }

    @Test
    void theLargestMessageFitsAtTheSmallestChunkAndNotBelow() {
        assertThat(Fragmenter.MIN_CHUNK).isEqualTo(258);
        assertThat(Fragmenter.count(Fragmenter.MAX_MESSAGE, Fragmenter.MIN_CHUNK)).isEqualTo(255);
        assertThatThrownBy(() -> Fragmenter.count(Fragmenter.MAX_MESSAGE, Fragmenter.MIN_CHUNK - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536 bytes").hasMessageContaining("more than 255");
        assertThat(Fragmenter.fitsLargestMessage(Fragmenter.MIN_CHUNK)).isTrue();
        assertThat(Fragmenter.fitsLargestMessage(Fragmenter.MIN_CHUNK - 1)).isFalse();
    }

    /**
     * The IPv4 floor (576 bytes, 548 of UDP payload) leaves room for 290 bytes of codec overhead (a header, a data
     * header and an AEAD tag need well under 100). The codec's real figure is checked against
     * {@link Fragmenter#fitsLargestMessage} where the codec is written (the wire package).
     */
    @Test
    void theIpv4FloorLeavesRoomForTheCodecOverhead() {
        int udpPayloadAtFloor = 576 - 20 - 8;
        assertThat(udpPayloadAtFloor - Fragmenter.MIN_CHUNK).isEqualTo(290);
        assertThat(Fragmenter.fitsLargestMessage(udpPayloadAtFloor - 100)).isTrue();
        assertThat(Fragmenter.fitsLargestMessage(1280 - 40 - 8 - 100)).isTrue();
    }

    @Test
    void badArgumentsNameTheValue() {
        assertThatThrownBy(() -> Fragmenter.count(10, 0)).hasMessageContaining("chunk size 0");
        assertThatThrownBy(() -> Fragmenter.count(-1, 10)).hasMessageContaining("-1");
        assertThatThrownBy(() -> Fragmenter.length(100, 10, 10)).hasMessageContaining("fragment index 10");
    }

    @Property
    void fragmentsTileTheMessageExactly(@ForAll @IntRange(min = 0, max = 65536) int length,
                                        @ForAll @IntRange(min = 258, max = 9000) int chunk) {
        int count = Fragmenter.count(length, chunk);
        int covered = 0;
        for (int i = 0; i < count; i++) {
            assertThat(Fragmenter.offset(i, chunk)).isEqualTo(covered);
            int len = Fragmenter.length(length, i, chunk);
            assertThat(len).isBetween(i == count - 1 && length > 0 ? 1 : 0, chunk);
            if (i < count - 1) {
                assertThat(len).isEqualTo(chunk);
            }
            covered += len;
        }
        assertThat(covered).isEqualTo(length);
        assertThat(count).isBetween(1, 255);
    }
}
