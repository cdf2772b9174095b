package org.quorate.link.tool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool's message header, loss and duplicate counting, and percentiles. */
class BenchCountsTest {
    @Test
    void aMessageReadsBackAndForeignBytesAreNotOurs() {
        byte[] buf = new byte[200];
        new BenchMessage(BenchMessage.Kind.PING, 1L << 40 | 7, -5).writeTo(buf);
        assertThat(BenchMessage.read(buf)).isEqualTo(new BenchMessage(BenchMessage.Kind.PING, 1L << 40 | 7, -5));
        assertThat(BenchMessage.read(new byte[20])).isNull();
        buf[0] = 'X';
        assertThat(BenchMessage.read(buf)).isNull();
        new BenchMessage(BenchMessage.Kind.DATA, 0, 0).writeTo(buf);
        buf[4] = 9;
        assertThat(BenchMessage.read(buf)).isNull();
    }

    @Test
    void lostIsTheGapsUpToTheHighestSeqAndDuplicatesAreCountedApart() {
        PeerCounters c = new PeerCounters(2);
        for (long seq : new long[]{0, 1, 3, 3, 2, 7, 1}) {
            c.delivered(seq, 200);
        }
        assertThat(c.received).isEqualTo(5); // 0 1 2 3 7
        assertThat(c.duplicates).isEqualTo(2);
        assertThat(c.lost()).isEqualTo(3); // 4 5 6
        assertThat(c.receivedBytes).isEqualTo(1000);
        assertThat(new PeerCounters(3).lost()).isZero();
    }

    @Test
    void percentilesAreNearestRankAndTheReservoirKeepsItsSize() {
        RttRecorder r = new RttRecorder();
        assertThat(r.percentileNanos(50)).isEqualTo(-1);
        for (int i = 1; i <= 1000; i++) {
            r.record(i);
        }
        assertThat(r.percentileNanos(50)).isEqualTo(500);
        assertThat(r.percentileNanos(99)).isEqualTo(990);
        assertThat(r.percentileNanos(100)).isEqualTo(1000);
        assertThat(r.maxNanos()).isEqualTo(1000);
        assertThat(r.count()).isEqualTo(1000);
    }
}
