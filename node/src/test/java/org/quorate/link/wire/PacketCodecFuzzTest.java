package org.quorate.link.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import org.quorate.link.crypto.CipherSuite;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.time.VirtualScheduler;

/**
 * Jazzer fuzz target for {@link PacketCodec#decode}. In the normal build it replays the seeds in
 * src/test/resources/org/quorate/link/wire/PacketCodecFuzzTestInputs/decode; with {@code JAZZER_FUZZ=1} it fuzzes.
 *
 * <p>Input: byte 0 picks the suite (clear text lets the fuzzer reach the body parsers, which sealing hides
 * behind the tag), byte 1 the shape: raw datagrams, or a valid datagram with the rest xor-ed into it, or a
 * valid one decoded twice. Invariants: no exception, no decoder fault, only a valid datagram accepted, counters.
 */
class PacketCodecFuzzTest {
    private static final CipherSuite[] SUITES = {CipherSuite.NONE, CipherSuite.AES_256_GCM,
            CipherSuite.CHACHA20_POLY1305, CipherSuite.HMAC_SHA256};

    @FuzzTest(maxDuration = "5m")
    void decode(FuzzedDataProvider data) {
        CipherSuite suite = SUITES[(data.consumeByte() & 0xFF) % SUITES.length];
        int shape = (data.consumeByte() & 0xFF) % 3;
        VirtualScheduler clock = new VirtualScheduler();
        CryptoConfig crypto = suite.enabled() ? CryptoConfig.of(suite, CodecFixtures.key(1)) : CryptoConfig.none();
        PacketCodec receiver = new PacketCodec(2, 99, crypto, clock).knownHosts(Set.of(1, 3));
        long decoded = 0;
        long accepted = 0;
        if (shape == 0) {
            byte[] raw = data.consumeRemainingAsBytes();
            accepted += count(receiver.decode(raw, raw.length));
            decoded++;
        } else {
            PacketCodec sender = new PacketCodec(1, data.consumeLong(), crypto, clock);
            LinkPacket p = packet(data);
            byte[] valid = sender.encode(2, data.consumeInt(0, 7), p);
            byte[] mask = data.consumeRemainingAsBytes();
            boolean changed = false;
            for (int i = 0; i < mask.length && i < valid.length; i++) {
                changed |= mask[i] != 0;
                valid[i] ^= mask[i];
            }
            Decoded first = receiver.decode(valid, valid.length);
            decoded++;
            accepted += count(first);
            if (!changed) {
                assertThat(first).isInstanceOf(Decoded.Accepted.class);
            } else if (suite.enabled() && first instanceof Decoded.Accepted) {
                // a changed sealed datagram can only pass if the change missed everything authenticated
                throw new AssertionError("accepted a modified sealed datagram: " + first);
            }
            if (shape == 2) {
                Decoded again = receiver.decode(valid, valid.length);
                decoded++;
                accepted += count(again);
                assertThat(again).isInstanceOf(Decoded.Dropped.class);
            }
        }
        assertThat(receiver.decoderFaults()).isZero();
        assertThat(receiver.drops().total()).isEqualTo(decoded - accepted);
    }

    private static int count(Decoded d) {
        return d instanceof Decoded.Accepted ? 1 : 0;
    }

    private static LinkPacket packet(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 4)) {
            case 0 -> {
                int count = data.consumeInt(1, 255);
                long seq = data.consumeLong();
                int index = data.consumeInt(0, count - 1);
                byte[] chunk = new byte[data.consumeInt(1, 2000)];
                chunk[0] = data.consumeByte();
                yield new LinkPacket.DataFragment(seq, index, count, chunk);
            }
            case 1 -> new LinkPacket.Ping(data.consumeLong(), data.consumeInt(), data.consumeBoolean());
            case 2 -> new LinkPacket.Pong(data.consumeLong(), data.consumeInt(), data.consumeBoolean());
            case 3 -> new LinkPacket.PmtuProbe(data.consumeInt(), data.consumeInt(64, 9000));
            default -> new LinkPacket.PmtuReply(data.consumeInt(), data.consumeInt(0, 65535));
        };
    }
}
