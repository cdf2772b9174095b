package org.quorate.link.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.time.VirtualScheduler;

/** One test per drop reason the codec decides, and the incarnation and replay rules. */
class PacketCodecDropTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final CryptoConfig crypto = CryptoConfig.aead(CodecFixtures.key(1));
    private PacketCodec sender;
    private PacketCodec receiver;

    @BeforeEach
    void setUp() {
        sender = new PacketCodec(1, CodecFixtures.INCARNATION_1, crypto, clock);
        receiver = new PacketCodec(2, CodecFixtures.INCARNATION_2, crypto, clock);
    }

    private byte[] ping() {
        return sender.encode(2, 0, new LinkPacket.Ping(1, 1, false));
    }

    private DropReason dropOf(byte[] d) {
        return dropOf(receiver, d);
    }

    private static DropReason dropOf(PacketCodec codec, byte[] d) {
        Decoded r = codec.decode(d, d.length);
        assertThat(r).isInstanceOf(Decoded.Dropped.class);
        return ((Decoded.Dropped) r).reason();
    }

    private byte[] mutated(Consumer<byte[]> change) {
        byte[] d = ping();
        change.accept(d);
        return d;
    }

    @Test
    void structuralChecksComeFirstAndNeedNoKey() {
        assertThat(dropOf(new byte[0])).isEqualTo(DropReason.TOO_SHORT);
        assertThat(dropOf(new byte[23])).isEqualTo(DropReason.TOO_SHORT);
        assertThat(receiver.decode(new byte[70000], 70000)).isEqualTo(Decoded.Dropped.of(DropReason.TOO_LONG));
        assertThat(receiver.decode(new byte[10], 11)).isEqualTo(Decoded.Dropped.of(DropReason.MALFORMED));
        assertThat(receiver.decode(null, 0)).isEqualTo(Decoded.Dropped.of(DropReason.MALFORMED));
        assertThat(receiver.decode(new byte[30], -1)).isEqualTo(Decoded.Dropped.of(DropReason.MALFORMED));
        assertThat(dropOf(mutated(d -> d[0] = 2))).isEqualTo(DropReason.BAD_VERSION);
        assertThat(dropOf(mutated(d -> d[1] = 0x01))).isEqualTo(DropReason.UNKNOWN_TYPE);
        assertThat(dropOf(mutated(d -> d[2] |= 0x04))).isEqualTo(DropReason.MALFORMED);
        assertThat(dropOf(mutated(d -> d[3] = 8))).isEqualTo(DropReason.MALFORMED);
        assertThat(dropOf(mutated(d -> d[7] = 3))).isEqualTo(DropReason.NOT_FOR_US);
        byte[] ping = ping();
        assertThat(receiver.decode(ping, ping.length - 1)).isEqualTo(Decoded.Dropped.of(DropReason.TOO_SHORT));
        assertThat(receiver.decode(ping, 24 + 12)).isEqualTo(Decoded.Dropped.of(DropReason.TOO_SHORT));
        byte[] longer = java.util.Arrays.copyOf(ping, ping.length + 1);
        assertThat(receiver.decode(longer, longer.length)).isEqualTo(Decoded.Dropped.of(DropReason.MALFORMED));
        assertThat(receiver.drops().total()).isEqualTo(14);
        assertThat(receiver.drops().get(DropReason.MALFORMED)).isEqualTo(6);
        assertThat(receiver.drops().get(DropReason.TOO_SHORT)).isEqualTo(4);
    }

    @Test
    void anUnknownSourceHostIsDroppedOnceTheHostSetIsKnown() {
        receiver.knownHosts(Set.of(3, 4));
        assertThat(dropOf(ping())).isEqualTo(DropReason.UNKNOWN_HOST);
        receiver.knownHosts(Set.of(1, 3));
        assertThat(receiver.decode(ping(), 24 + 13 + 16)).isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void clearTextIsDroppedByASealingNodeAndViceVersa() {
        PacketCodec clear = new PacketCodec(1, 9, CryptoConfig.none(), clock);
        byte[] plain = clear.encode(2, 0, new LinkPacket.Ping(1, 1, false));
        assertThat(dropOf(plain)).isEqualTo(DropReason.CRYPTO_MISMATCH);
        PacketCodec clearReceiver = new PacketCodec(2, 9, CryptoConfig.none(), clock);
        assertThat(dropOf(clearReceiver, ping())).isEqualTo(DropReason.CRYPTO_MISMATCH);
        // the key-slot bit without the sealed bit means nothing
        assertThat(dropOf(clearReceiver, mutated(d -> d[2] = 0x02))).isEqualTo(DropReason.MALFORMED);
    }

    @Test
    void anyChangedBitOrAnotherClustersKeyFailsAuthentication() {
        assertThat(dropOf(mutated(d -> d[3] ^= 1))).isEqualTo(DropReason.AUTHENTICATION_FAILED); // link id
        assertThat(dropOf(mutated(d -> d[5] ^= 1))).isEqualTo(DropReason.AUTHENTICATION_FAILED); // source host
        assertThat(dropOf(mutated(d -> d[20] ^= 1))).isEqualTo(DropReason.AUTHENTICATION_FAILED); // counter
        assertThat(dropOf(mutated(d -> d[30] ^= 1))).isEqualTo(DropReason.AUTHENTICATION_FAILED); // body
        assertThat(dropOf(mutated(d -> d[d.length - 1] ^= 1))).isEqualTo(DropReason.AUTHENTICATION_FAILED); // tag
        PacketCodec other = new PacketCodec(1, CodecFixtures.INCARNATION_1, CryptoConfig.aead(CodecFixtures.key(2)),
                clock);
        byte[] foreign = other.encode(2, 0, new LinkPacket.Ping(1, 1, false));
        assertThat(dropOf(foreign)).isEqualTo(DropReason.AUTHENTICATION_FAILED);
        // a packet naming key slot 1, which is empty here
        assertThat(dropOf(mutated(d -> d[2] |= 0x02))).isEqualTo(DropReason.AUTHENTICATION_FAILED);
        // and the real one still gets through: no forged packet moved any state
        assertThat(receiver.decode(ping(), 53)).isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void aKeyForOneDirectionDoesNotOpenTheOther() {
        // host 2 seals for host 1; swapping the header's hosts makes it look like 1 -> 2: wrong key
        byte[] reply = receiver.encode(1, 0, new LinkPacket.Pong(1, 1, false));
        reply[5] = 1;
        reply[7] = 2;
        assertThat(dropOf(reply)).isEqualTo(DropReason.AUTHENTICATION_FAILED);
    }

    @Test
    void aReplayIsDroppedAndReorderingWithinTheWindowIsNot() {
        byte[] p0 = ping();
        byte[] p1 = ping();
        byte[] p2 = ping();
        assertThat(receiver.decode(p2, p2.length)).isInstanceOf(Decoded.Accepted.class);
        assertThat(receiver.decode(p0, p0.length)).isInstanceOf(Decoded.Accepted.class);
        assertThat(dropOf(p2)).isEqualTo(DropReason.REPLAY);
        assertThat(dropOf(p0)).isEqualTo(DropReason.REPLAY);
        assertThat(receiver.decode(p1, p1.length)).isInstanceOf(Decoded.Accepted.class);
        byte[] old = ping();
        for (int i = 0; i < 1100; i++) {
            byte[] p = ping();
            assertThat(receiver.decode(p, p.length)).isInstanceOf(Decoded.Accepted.class);
        }
        assertThat(dropOf(old)).isEqualTo(DropReason.REPLAY);
    }

    @Test
    void aBadFragmentHeaderIsDroppedAfterAuthentication() {
        PacketCodec clearSender = new PacketCodec(1, 9, CryptoConfig.none(), clock);
        PacketCodec clearReceiver = new PacketCodec(2, 9, CryptoConfig.none(), clock);
        byte[] d = clearSender.encode(2, 0, new LinkPacket.DataFragment(1, 0, 2, new byte[] {1}));
        d[24 + 8] = 2; // index 2 of 2
        assertThat(dropOf(clearReceiver, d)).isEqualTo(DropReason.BAD_FRAGMENT);
        d[24 + 8] = 0;
        d[24 + 9] = 0; // count 0
        assertThat(dropOf(clearReceiver, d)).isEqualTo(DropReason.BAD_FRAGMENT);
        byte[] empty = java.util.Arrays.copyOf(clearSender.encode(2, 0, new LinkPacket.DataFragment(1, 0, 1,
                new byte[] {1})), 34);
        assertThat(dropOf(clearReceiver, empty)).isEqualTo(DropReason.BAD_FRAGMENT);
        byte[] probe = clearSender.encode(2, 0, new LinkPacket.PmtuProbe(1, 600));
        assertThat(dropOf(clearReceiver, java.util.Arrays.copyOf(probe, 599))).isEqualTo(DropReason.MALFORMED);
        byte[] ping = clearSender.encode(2, 0, new LinkPacket.Ping(1, 1, false));
        ping[24 + 12] = 2;
        assertThat(dropOf(clearReceiver, ping)).isEqualTo(DropReason.MALFORMED);
    }

    @Test
    void aRestartedSenderIsAcceptedAtOnceAndItsOldIncarnationIsStale() {
        byte[] old1 = ping();
        byte[] old2 = ping();
        assertThat(((Decoded.Accepted) receiver.decode(old1, old1.length)).newIncarnation()).isFalse();
        PacketCodec restarted = new PacketCodec(1, CodecFixtures.INCARNATION_1 + 1, crypto, clock);
        byte[] fresh = restarted.encode(2, 0, new LinkPacket.Ping(1, 1, false)); // counter 0 again
        Decoded.Accepted acc = (Decoded.Accepted) receiver.decode(fresh, fresh.length);
        assertThat(acc.newIncarnation()).isTrue();
        assertThat(acc.incarnation()).isEqualTo(CodecFixtures.INCARNATION_1 + 1);
        assertThat(dropOf(old2)).isEqualTo(DropReason.STALE_INCARNATION);
        assertThat(dropOf(old1)).isEqualTo(DropReason.STALE_INCARNATION);
        assertThat(dropOf(fresh)).isEqualTo(DropReason.REPLAY);
        byte[] next = restarted.encode(2, 0, new LinkPacket.Ping(2, 2, false));
        assertThat(((Decoded.Accepted) receiver.decode(next, next.length)).newIncarnation()).isFalse();
    }

    @Test
    void aLowerIncarnationIsBelievedAfterSixtySecondsOfSilence() {
        byte[] first = ping();
        receiver.decode(first, first.length);
        PacketCodec clockSteppedBack = new PacketCodec(1, CodecFixtures.INCARNATION_1 - 1_000_000, crypto, clock);
        byte[] lower = clockSteppedBack.encode(2, 0, new LinkPacket.Ping(1, 1, false));
        clock.advance(59, TimeUnit.SECONDS);
        assertThat(dropOf(lower)).isEqualTo(DropReason.STALE_INCARNATION);
        clock.advance(1, TimeUnit.SECONDS);
        Decoded.Accepted acc = (Decoded.Accepted) receiver.decode(lower, lower.length);
        assertThat(acc.newIncarnation()).isTrue();
        byte[] fromTheOldOne = ping();
        assertThat(dropOf(fromTheOldOne)).isEqualTo(DropReason.STALE_INCARNATION);
    }

    @Test
    void aForgedNewIncarnationDoesNotDisplaceTheRealOne() {
        byte[] first = ping();
        receiver.decode(first, first.length);
        byte[] forged = mutated(d -> d[9] ^= 0x40); // a higher incarnation, tag no longer valid
        assertThat(dropOf(forged)).isEqualTo(DropReason.AUTHENTICATION_FAILED);
        byte[] next = ping();
        Decoded.Accepted acc = (Decoded.Accepted) receiver.decode(next, next.length);
        assertThat(acc.newIncarnation()).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = org.quorate.link.crypto.CipherSuite.class, names = "NONE",
            mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
    void aForgedPacketWithTheNextCounterDoesNotSpoilTheRealOne(org.quorate.link.crypto.CipherSuite suite) {
        // found by the property test: the JDK's ChaCha20 refused a second init with the same key and nonce
        CryptoConfig c = CryptoConfig.of(suite, CodecFixtures.key(1));
        PacketCodec real = new PacketCodec(1, 5, c, clock);
        PacketCodec forger = new PacketCodec(1, 5, CryptoConfig.of(suite, CodecFixtures.key(2)), clock);
        PacketCodec to = new PacketCodec(2, 6, c, clock);
        for (int i = 0; i < 3; i++) {
            byte[] forged = forger.encode(2, 0, new LinkPacket.Ping(i, i, false));
            assertThat(dropOf(to, forged)).isEqualTo(DropReason.AUTHENTICATION_FAILED);
            byte[] genuine = real.encode(2, 0, new LinkPacket.Ping(i, i, false));
            assertThat(to.decode(genuine, genuine.length)).isInstanceOf(Decoded.Accepted.class);
        }
    }

    @Test
    void countersAddUp() {
        for (int i = 0; i < 5; i++) {
            receiver.decode(new byte[3], 3);
        }
        byte[] p = ping();
        receiver.decode(p, p.length);
        receiver.decode(p, p.length);
        assertThat(receiver.drops().nonZero()).containsExactly(
                java.util.Map.entry(DropReason.TOO_SHORT, 5L), java.util.Map.entry(DropReason.REPLAY, 1L));
        assertThat(receiver.drops().total()).isEqualTo(6);
    }
}
