package org.quorate.link.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quorate.link.crypto.CipherSuite;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.time.VirtualScheduler;

class PacketCodecRoundTripTest {
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void everyTypeRoundTripsInEveryCryptoMode(CipherSuite suite) {
        VirtualScheduler clock = new VirtualScheduler();
        CryptoConfig crypto = CodecFixtures.config(suite, CodecFixtures.key(1));
        PacketCodec a = CodecFixtures.codec(1, CodecFixtures.INCARNATION_1, crypto, clock);
        PacketCodec b = CodecFixtures.codec(2, CodecFixtures.INCARNATION_2, crypto, clock);
        boolean first = true;
        for (LinkPacket p : CodecFixtures.oneOfEach()) {
            byte[] datagram = a.encode(2, 3, p);
            if (p instanceof LinkPacket.PmtuProbe probe) {
                assertThat(datagram).hasSize(probe.size());
            } else {
                assertThat(datagram).hasSize(a.overhead(p.type()) + payload(p));
            }
            Decoded d = b.decode(datagram, datagram.length);
            assertThat(d).isInstanceOf(Decoded.Accepted.class);
            Decoded.Accepted acc = (Decoded.Accepted) d;
            assertThat(acc.sourceHost()).isEqualTo(1);
            assertThat(acc.linkId()).isEqualTo(3);
            assertThat(acc.incarnation()).isEqualTo(CodecFixtures.INCARNATION_1);
            assertThat(acc.newIncarnation()).isFalse();
            assertThat(acc.packet()).usingRecursiveComparison().isEqualTo(p);
            first = false;
        }
        assertThat(first).isFalse();
        assertThat(b.drops().total()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void theBodyIsEncryptedExactlyWhenTheSuiteIsConfidential(CipherSuite suite) {
        VirtualScheduler clock = new VirtualScheduler();
        PacketCodec a = CodecFixtures.codec(1, 5, CodecFixtures.config(suite, CodecFixtures.key(1)), clock);
        byte[] chunk = "a clearly visible chunk".getBytes();
        byte[] datagram = a.encode(2, 0, new LinkPacket.DataFragment(1, 0, 1, chunk));
        String text = new String(datagram, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text.contains("a clearly visible chunk")).isEqualTo(!suite.confidential());
        assertThat(EnumSet.of(CipherSuite.NONE).contains(suite)).isEqualTo(datagram.length == 24 + 10 + chunk.length);
    }

    private static int payload(LinkPacket p) {
        return p instanceof LinkPacket.DataFragment f ? f.chunk().length : 0;
    }
}
