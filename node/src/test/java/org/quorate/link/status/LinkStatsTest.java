package org.quorate.link.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quorate.link.wire.PacketType;

class LinkStatsTest {
    @Test
    void countsEachKindAndTotals() {
        LinkStats s = new LinkStats();
        s.sent(PacketType.DATA, 100);
        s.sent(PacketType.DATA, 50);
        s.received(PacketType.DATA, 70);
        s.sent(PacketType.PING, 40);
        s.received(PacketType.PING, 41);
        s.sent(PacketType.PONG, 42);
        s.received(PacketType.PONG, 43);
        s.sent(PacketType.PMTU_PROBE, 1400);
        s.sent(PacketType.PMTU_REPLY, 30);
        s.received(PacketType.PMTU_PROBE, 1300);
        s.received(PacketType.PMTU_REPLY, 31);
        s.sendFailed();
        LinkCounters c = s.snapshot();
        assertThat(c).isEqualTo(new LinkCounters(2, 150, 1, 70, 1, 40, 1, 41, 1, 42, 1, 43, 2, 1430, 2, 1331, 1));
        assertThat(c.txTotalPackets()).isEqualTo(6);
        assertThat(c.txTotalBytes()).isEqualTo(150 + 40 + 42 + 1430);
        assertThat(c.rxTotalPackets()).isEqualTo(5);
        assertThat(c.rxTotalBytes()).isEqualTo(70 + 41 + 43 + 1331);
    }

    @Test
    void aSnapshotDoesNotMoveAndResetZeroes() {
        LinkStats s = new LinkStats();
        s.sent(PacketType.DATA, 10);
        LinkCounters before = s.snapshot();
        s.sent(PacketType.DATA, 10);
        assertThat(before.txDataPackets()).isEqualTo(1);
        s.reset();
        assertThat(s.snapshot()).isEqualTo(LinkCounters.ZERO);
    }
}
