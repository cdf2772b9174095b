package org.quorate.link.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.quorate.link.crypto.CipherSuite;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.time.VirtualScheduler;

/**
 * The decoder's drop path allocates nothing per datagram before authentication, and only what the JCE needs to
 * check a tag when it gets that far. Measured with the thread's allocation counter around batches of dropped
 * inputs, after a warm-up so that JIT and lazy initialisation are not counted.
 */
class DecoderAllocationTest {
    private static final int BATCH = 20_000;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void structuralDropsAndReplaysAllocateNothing() {
        VirtualScheduler clock = new VirtualScheduler();
        CryptoConfig crypto = CryptoConfig.aead(CodecFixtures.key(1));
        PacketCodec sender = new PacketCodec(1, 10, crypto, clock);
        PacketCodec receiver = new PacketCodec(2, 20, crypto, clock);
        byte[] valid = sender.encode(2, 0, new LinkPacket.Ping(1, 1, false));
        receiver.decode(valid, valid.length);
        Random random = new Random(3);
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[random.nextInt(100)];
            random.nextBytes(garbage[i]);
        }
        byte[] notForUs = valid.clone();
        notForUs[7] = 9;

        assertThat(perInput(receiver, i -> garbage[i & 63])).as("garbage").isLessThan(1.0);
        assertThat(perInput(receiver, i -> notForUs)).as("not for us").isLessThan(1.0);
        assertThat(perInput(receiver, i -> valid)).as("replay").isLessThan(1.0);
        assertThat(receiver.drops().total()).isEqualTo(6L * BATCH);
    }

    @Test
    void authenticationFailuresAllocateOnlyABoundedConstant() {
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.AES_256_GCM, CipherSuite.CHACHA20_POLY1305,
                CipherSuite.HMAC_SHA256}) {
            VirtualScheduler clock = new VirtualScheduler();
            CryptoConfig crypto = CryptoConfig.of(suite, CodecFixtures.key(1));
            PacketCodec sender = new PacketCodec(1, 10, crypto, clock);
            PacketCodec receiver = new PacketCodec(2, 20, crypto, clock);
            byte[] first = sender.encode(2, 0, new LinkPacket.Ping(1, 1, false));
            receiver.decode(first, first.length);
            double[] perSize = new double[3];
            int[] sizes = {1, 1200, 20_000};
            for (int k = 0; k < sizes.length; k++) {
                byte[] forged = sender.encode(2, 0, new LinkPacket.DataFragment(1, 0, 1, new byte[sizes[k]]));
                forged[30] ^= 1;
                perSize[k] = perInput(receiver, i -> forged);
                System.out.printf("allocation per forged datagram, %s, %d bytes: %.0f bytes%n", suite,
                        forged.length, perSize[k]);
                if (suite == CipherSuite.CHACHA20_POLY1305) {
                    // the JDK's ChaCha20-Poly1305 copies the whole ciphertext into an internal buffer before it
                    // checks the tag: garbage proportional to the datagram (at most 64 KiB), nothing retained
                    assertThat(perSize[k]).as("%s, %d bytes", suite, forged.length)
                            .isLessThan(8192.0 + 3.0 * forged.length);
                }
            }
            if (suite != CipherSuite.CHACHA20_POLY1305) {
                // AES-GCM: JCE parameter objects and the AEADBadTagException it reports a bad tag with (about
                // 3 KiB on JDK 17, mostly the stack trace), whatever the length; HMAC: the digest array (48 B)
                double most = Math.max(perSize[0], Math.max(perSize[1], perSize[2]));
                double least = Math.min(perSize[0], Math.min(perSize[1], perSize[2]));
                assertThat(most - least).as("%s: independent of the datagram's length", suite).isLessThan(128.0);
                assertThat(most).as(suite.name()).isLessThan(suite == CipherSuite.HMAC_SHA256 ? 64.0 : 4096.0);
            }
            assertThat(receiver.drops().get(DropReason.AUTHENTICATION_FAILED)).isEqualTo(6L * BATCH);
        }
    }

    /** Average bytes allocated per decode, over a batch after an equal warm-up batch. */
    private double perInput(PacketCodec codec, IntFunction<byte[]> input) {
        for (int i = 0; i < BATCH; i++) {
            byte[] d = input.apply(i);
            codec.decode(d, d.length);
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < BATCH; i++) {
            byte[] d = input.apply(i);
            if (codec.decode(d, d.length) instanceof Decoded.Accepted) {
                throw new AssertionError("accepted a datagram that must be dropped");
            }
        }
        long after = threads.getThreadAllocatedBytes(tid);
        return (after - before) / (double) BATCH;
    }
}
