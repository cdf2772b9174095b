package org.quorate.link.wire;

import java.util.List;
import org.quorate.link.crypto.AuthKey;
import org.quorate.link.crypto.CipherSuite;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.time.VirtualScheduler;

/** Keys, configs and one packet of every type, shared by the codec's tests. */
final class CodecFixtures {
    static final long INCARNATION_1 = 1_764_885_600_000_000L;
    static final long INCARNATION_2 = 1_764_885_700_000_000L;

    private CodecFixtures() {
    }

    /** A deterministic 256-byte key: byte i = (seed + 7 i) mod 256. */
    static AuthKey key(int seed) {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed + 7 * i);
        }
        return AuthKey.of(b);
    }

    static CryptoConfig config(CipherSuite suite, AuthKey key) {
        return suite.enabled() ? CryptoConfig.of(suite, key) : CryptoConfig.none();
    }

    static PacketCodec codec(int host, long incarnation, CryptoConfig crypto, VirtualScheduler clock) {
        return new PacketCodec(host, incarnation, crypto, clock);
    }

    static List<LinkPacket> oneOfEach() {
        return List.of(
                new LinkPacket.DataFragment(42L, 0, 1, new byte[] {1, 2, 3, 4, 5}),
                new LinkPacket.DataFragment(0x0102030405060708L, 254, 255, new byte[] {(byte) 0xFF}),
                new LinkPacket.Ping(123_456_789L, 7, false),
                new LinkPacket.Pong(123_456_789L, 7, true),
                new LinkPacket.PmtuProbe(9, 1400),
                new LinkPacket.PmtuReply(9, 1400));
    }
}
