package org.quorate.link.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorate.link.crypto.AuthKey;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.time.VirtualScheduler;

/** Rotation on three hosts with packets in flight from both slots at every step: none is lost. */
class KeyRotationTest {
    private final VirtualScheduler clock = new VirtualScheduler();

    @Test
    void installSwitchRemoveWithPacketsInFlightLosesNothing() {
        AuthKey oldKey = CodecFixtures.key(1);
        AuthKey newKey = CodecFixtures.key(2);
        List<PacketCodec> hosts = new ArrayList<>();
        for (int h = 1; h <= 3; h++) {
            hosts.add(new PacketCodec(h, 1000 + h, CryptoConfig.aead(oldKey), clock));
        }
        List<byte[]>[] inFlight = inFlightLists();
        sendAll(hosts, inFlight);                       // old key, slot 0
        for (PacketCodec c : hosts) {
            c.keys().install(1, newKey);                // every host accepts both now
        }
        sendAll(hosts, inFlight);
        hosts.get(0).keys().sendWith(1);                // hosts switch one by one, not at once
        sendAll(hosts, inFlight);
        hosts.get(1).keys().sendWith(1);
        hosts.get(2).keys().sendWith(1);
        sendAll(hosts, inFlight);
        deliver(hosts, inFlight);                       // everything so far, from both slots, arrives now
        for (PacketCodec c : hosts) {
            c.keys().remove(0);
        }
        sendAll(hosts, inFlight);
        deliver(hosts, inFlight);
        for (PacketCodec c : hosts) {
            assertThat(c.drops().total()).as("drops at host %d", c.localHost()).isZero();
        }
        // and the old key is gone for good: a packet sealed with it now fails
        PacketCodec stale = new PacketCodec(1, 1001, CryptoConfig.aead(oldKey), clock);
        for (int i = 0; i < 30; i++) {
            stale.encode(2, 0, new LinkPacket.Ping(i, i, false));
        }
        byte[] late = stale.encode(2, 0, new LinkPacket.Ping(99, 99, false));
        assertThat(hosts.get(1).decode(late, late.length)).isEqualTo(Decoded.Dropped.of(
                DropReason.AUTHENTICATION_FAILED));
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]>[] inFlightLists() {
        List<byte[]>[] l = new List[4];
        for (int i = 0; i < l.length; i++) {
            l[i] = new ArrayList<>();
        }
        return l;
    }

    private static void sendAll(List<PacketCodec> hosts, List<byte[]>[] inFlight) {
        for (PacketCodec from : hosts) {
            for (PacketCodec to : hosts) {
                if (from != to) {
                    for (int i = 0; i < 3; i++) {
                        inFlight[to.localHost()].add(from.encode(to.localHost(), i % 2,
                                new LinkPacket.DataFragment(i, 0, 1, new byte[] {(byte) i})));
                    }
                }
            }
        }
    }

    private static void deliver(List<PacketCodec> hosts, List<byte[]>[] inFlight) {
        for (PacketCodec to : hosts) {
            List<byte[]> q = inFlight[to.localHost()];
            for (int i = q.size() - 1; i >= 0; i--) {       // in reverse: reordering too
                byte[] d = q.get(i);
                assertThat(to.decode(d, d.length)).isInstanceOf(Decoded.Accepted.class);
            }
            q.clear();
        }
    }
}
