package org.quorate.link.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.quorate.link.crypto.AuthKey;
import org.quorate.link.crypto.CipherSuite;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.time.VirtualScheduler;

/**
 * The decoder under attack: a stream from host 1 to host 2 (known hosts 1 and 3) interleaved with garbage,
 * truncated and oversized datagrams, bit flips of valid ones, replays, another cluster's key, spoofed source
 * hosts and link ids, restarts of the sender and their stale leftovers. No exception escapes; exactly the valid
 * datagrams are accepted; every other one is dropped with a reason its kind allows; the counters add up.
 */
class PacketDecoderPropertyTest {
    enum Kind { VALID, GARBAGE, TRUNCATE, EXTEND, BIT_FLIP, REPLAY, FOREIGN_KEY, SPOOF_SOURCE, SPOOF_LINK, RESTART,
        STALE, SILENCE }

    record Step(Kind kind, int a, int b) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 1 << 20)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(120);
    }

    @Provide
    Arbitrary<CipherSuite> sealingSuites() {
        return Arbitraries.of(CipherSuite.AES_128_GCM, CipherSuite.AES_256_GCM, CipherSuite.CHACHA20_POLY1305,
                CipherSuite.HMAC_SHA256);
    }

    @Property(tries = 200)
    void theDecoderOnlyDropsAndCounts(@ForAll("steps") List<Step> steps, @ForAll("sealingSuites") CipherSuite suite,
                                      @ForAll long seed) {
        VirtualScheduler clock = new VirtualScheduler();
        AuthKey key = CodecFixtures.key(1);
        CryptoConfig crypto = CryptoConfig.of(suite, key);
        long[] incarnation = {1_000_000};
        PacketCodec[] sender = {new PacketCodec(1, incarnation[0], crypto, clock)};
        PacketCodec receiver = new PacketCodec(2, 99, crypto, clock).knownHosts(Set.of(1, 3));
        CryptoConfig otherCluster = CryptoConfig.of(suite, CodecFixtures.key(2));
        PacketCodec[] foreign = {new PacketCodec(1, incarnation[0], otherCluster, clock)};
        java.util.Random random = new java.util.Random(seed);
        List<byte[]> accepted = new ArrayList<>();
        List<List<byte[]>> retired = new ArrayList<>(); // per replaced incarnation, oldest first
        Map<DropReason, Long> seen = new EnumMap<>(DropReason.class);

        for (Step s : steps) {
            byte[] d;
            Set<DropReason> allowed;
            boolean expectAccept = false;
            switch (s.kind()) {
                case VALID -> {
                    d = fresh(sender[0], s, random);
                    expectAccept = true;
                    allowed = Set.of();
                }
                case GARBAGE -> {
                    d = new byte[s.a() % 300];
                    random.nextBytes(d);
                    allowed = EnumSet.complementOf(EnumSet.of(DropReason.REPLAY));
                }
                case TRUNCATE -> {
                    byte[] v = fresh(sender[0], s, random);
                    d = java.util.Arrays.copyOf(v, s.b() % v.length);
                    allowed = EnumSet.of(DropReason.TOO_SHORT, DropReason.MALFORMED, DropReason.AUTHENTICATION_FAILED,
                            DropReason.BAD_FRAGMENT);
                }
                case EXTEND -> {
                    byte[] v = fresh(sender[0], s, random);
                    d = java.util.Arrays.copyOf(v, v.length + 1 + s.b() % 70_000);
                    allowed = EnumSet.of(DropReason.TOO_LONG, DropReason.MALFORMED, DropReason.AUTHENTICATION_FAILED);
                }
                case BIT_FLIP -> {
                    d = fresh(sender[0], s, random);
                    int pos = s.b() % d.length;
                    d[pos] ^= (byte) (1 << (s.a() & 7));
                    allowed = flipReasons(pos);
                }
                case REPLAY -> {
                    if (accepted.isEmpty()) {
                        continue;
                    }
                    d = accepted.get(s.a() % accepted.size()).clone();
                    allowed = EnumSet.of(DropReason.REPLAY);
                }
                case FOREIGN_KEY -> {
                    d = fresh(foreign[0], s, random);
                    // same host and incarnation as the real sender: fails the tag, or is older than its window
                    allowed = EnumSet.of(DropReason.AUTHENTICATION_FAILED, DropReason.REPLAY);
                }
                case SPOOF_SOURCE -> {
                    d = fresh(sender[0], s, random);
                    boolean known = (s.b() & 1) == 0;
                    d[5] = (byte) (known ? 3 : 4 + s.b() % 200);
                    allowed = EnumSet.of(known ? DropReason.AUTHENTICATION_FAILED : DropReason.UNKNOWN_HOST);
                }
                case SPOOF_LINK -> {
                    d = fresh(sender[0], s, random);
                    d[3] = (byte) ((d[3] + 1 + s.b() % 7) % 8);
                    allowed = EnumSet.of(DropReason.AUTHENTICATION_FAILED);
                }
                case RESTART -> {
                    retired.add(new ArrayList<>(accepted));
                    accepted.clear();
                    incarnation[0] += 1 + s.b();
                    sender[0] = new PacketCodec(1, incarnation[0], crypto, clock);
                    foreign[0] = new PacketCodec(1, incarnation[0], otherCluster, clock);
                    continue;
                }
                case STALE -> {
                    // from the incarnations the codec keeps retired; older ones are believed after 60 s of
                    // silence by design (see PacketCodec), which PacketCodecDropTest.aLowerIncarnationIsBelievedAfterSixtySecondsOfSilence shows
                    List<byte[]> pool = new ArrayList<>();
                    for (int i = Math.max(0, retired.size() - PacketCodec.RETIRED_KEPT); i < retired.size(); i++) {
                        pool.addAll(retired.get(i));
                    }
                    if (pool.isEmpty()) {
                        continue;
                    }
                    d = pool.get(s.a() % pool.size()).clone();
                    // stale when the receiver moved on; a replay when it never saw the new incarnation yet
                    allowed = EnumSet.of(DropReason.STALE_INCARNATION, DropReason.REPLAY);
                }
                case SILENCE -> {
                    clock.advance(1 + s.b() % 90, TimeUnit.SECONDS);
                    continue;
                }
                default -> throw new IllegalStateException();
            }
            Decoded r = receiver.decode(d, d.length);
            if (expectAccept) {
                assertThat(r).as("%s", s).isInstanceOf(Decoded.Accepted.class);
                accepted.add(d);
            } else {
                assertThat(r).as("%s", s).isInstanceOf(Decoded.Dropped.class);
                DropReason reason = ((Decoded.Dropped) r).reason();
                assertThat(allowed).as("%s dropped as %s", s, reason).contains(reason);
                seen.merge(reason, 1L, Long::sum);
            }
        }
        assertThat(receiver.drops().nonZero()).isEqualTo(seen);
    }

    private static byte[] fresh(PacketCodec from, Step s, java.util.Random random) {
        LinkPacket p = switch (s.a() % 5) {
            case 0 -> new LinkPacket.DataFragment(s.b(), 0, 1 + s.a() % 3, new byte[1 + s.b() % 1400]);
            case 1 -> new LinkPacket.Ping(random.nextLong(), s.b(), (s.b() & 1) == 0);
            case 2 -> new LinkPacket.Pong(random.nextLong(), s.b(), false);
            case 3 -> new LinkPacket.PmtuProbe(s.b(), 100 + s.b() % 1400);
            default -> new LinkPacket.PmtuReply(s.b(), s.b() % 65536);
        };
        return from.encode(2, s.b() % 8, p);
    }

    /** What a flipped bit at {@code pos} may be dropped as: decided by the header field it falls in. */
    private static Set<DropReason> flipReasons(int pos) {
        if (pos == 0) {
            return EnumSet.of(DropReason.BAD_VERSION);
        }
        if (pos == 1) {
            return EnumSet.of(DropReason.UNKNOWN_TYPE, DropReason.TOO_SHORT, DropReason.MALFORMED,
                    DropReason.BAD_FRAGMENT, DropReason.AUTHENTICATION_FAILED);
        }
        if (pos == 2) {
            return EnumSet.of(DropReason.MALFORMED, DropReason.CRYPTO_MISMATCH, DropReason.AUTHENTICATION_FAILED);
        }
        if (pos == 3) {
            return EnumSet.of(DropReason.MALFORMED, DropReason.AUTHENTICATION_FAILED);
        }
        if (pos <= 5) {
            return EnumSet.of(DropReason.UNKNOWN_HOST, DropReason.AUTHENTICATION_FAILED);
        }
        if (pos <= 7) {
            return EnumSet.of(DropReason.NOT_FOR_US);
        }
        if (pos <= 15) {
            return EnumSet.of(DropReason.AUTHENTICATION_FAILED, DropReason.STALE_INCARNATION);
        }
        if (pos <= 23) {
            return EnumSet.of(DropReason.AUTHENTICATION_FAILED, DropReason.REPLAY, DropReason.MALFORMED);
        }
        return EnumSet.of(DropReason.AUTHENTICATION_FAILED);
    }
}
