package org.quorate.link.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.quorate.link.crypto.CipherSuite;
import org.quorate.time.VirtualScheduler;

/**
 * The exact bytes of every packet type, host 1 to host 2 on link 1, incarnation 0x000645277341d800, counters 0..5.
 * Clear text is checked field by field against the format table; the AES-256-GCM bytes are a regression golden
 * and are also opened here with a key derived independently of the code under test (HKDF written out with Mac).
 */
class PacketCodecGoldenTest {
    private static final HexFormat HEX = HexFormat.of();
    //                    ver type flags link src  dst  incarnation      counter
    private static final String HDR = "01%s%s01" + "0001" + "0002" + "000645277341d800" + "%016x";
    private static final List<String> CLEAR_BODIES = List.of(
            "000000000000002a" + "00" + "01" + "0102030405",      // DATA seq 42, fragment 0 of 1
            "0102030405060708" + "fe" + "ff" + "ff",              // DATA fragment 254 of 255
            "00000000075bcd15" + "00000007" + "00",               // PING ts 123456789, seq 7
            "00000000075bcd15" + "00000007" + "01",               // PONG, probe
            "00000009" + "0022" + "00000000",                     // PMTU_PROBE id 9 size 34, filler
            "00000009" + "0578");                                 // PMTU_REPLY id 9 size 1400
    private static final List<String> TYPES = List.of("00", "00", "81", "82", "83", "84");
    private static final List<String> GCM = List.of(
            "0100010100010002000645277341d8000000000000000000e304dd93074a73f503e3f83bdf6e19e61f2a14725061cfc3edf0e5df07820c",
            "0100010100010002000645277341d8000000000000000001f2937325f57fa99ae62982f817e0d577b0df194e86f1981b88607f",
            "0181010100010002000645277341d8000000000000000002c5c7e607008b95d5a223b86e340653078c6ee68a67fce5b34d8c2d388f",
            "0182010100010002000645277341d80000000000000000038f8d4968dc70e5f82f17ce4bb18673a353c5810c32a343965b36652946",
            "0183010100010002000645277341d8000000000000000004d393a54d83b391206a0b8a3131d198a671d7df37d9e7007e8dfb",
            "0184010100010002000645277341d8000000000000000005ae6597d1c9d9e8a6022f6270d902cb21cd935ff5b40c");

    private static List<LinkPacket> packets(int probeSize) {
        List<LinkPacket> l = new java.util.ArrayList<>(CodecFixtures.oneOfEach());
        l.set(4, new LinkPacket.PmtuProbe(9, probeSize));
        return l;
    }

    @Test
    void clearTextBytesFollowTheTable() {
        PacketCodec a = new PacketCodec(1, CodecFixtures.INCARNATION_1, CodecFixtures.config(CipherSuite.NONE, null),
                new VirtualScheduler());
        PacketCodec b = new PacketCodec(2, 7, CodecFixtures.config(CipherSuite.NONE, null), new VirtualScheduler());
        List<LinkPacket> packets = packets(34);
        for (int i = 0; i < packets.size(); i++) {
            String expected = String.format(HDR, TYPES.get(i), "00", (long) i) + CLEAR_BODIES.get(i);
            byte[] d = a.encode(2, 1, packets.get(i));
            assertThat(HEX.formatHex(d)).as(packets.get(i).toString()).isEqualTo(expected);
            Decoded.Accepted acc = (Decoded.Accepted) b.decode(d, d.length);
            assertThat(acc.packet()).usingRecursiveComparison().isEqualTo(packets.get(i));
        }
    }

    @Test
    void aes256GcmBytesAreStableAndOpenWithAnIndependentlyDerivedKey() throws Exception {
        PacketCodec a = new PacketCodec(1, CodecFixtures.INCARNATION_1,
                CodecFixtures.config(CipherSuite.AES_256_GCM, CodecFixtures.key(1)), new VirtualScheduler());
        PacketCodec b = new PacketCodec(2, 7, CodecFixtures.config(CipherSuite.AES_256_GCM, CodecFixtures.key(1)),
                new VirtualScheduler());
        byte[] key = independentKey(CodecFixtures.key(1).length());
        List<LinkPacket> packets = packets(50);
        for (int i = 0; i < packets.size(); i++) {
            byte[] d = a.encode(2, 1, packets.get(i));
            assertThat(HEX.formatHex(d)).as(packets.get(i).toString()).isEqualTo(GCM.get(i));
            assertThat(HEX.formatHex(d, 0, 24)).isEqualTo(String.format(HDR, TYPES.get(i), "01", (long) i));

            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(i).array();
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(d, 0, 24);
            byte[] body = gcm.doFinal(d, 24, d.length - 24);
            String clear = i == 4 ? "00000009" + "0032" + "00000000" : CLEAR_BODIES.get(i);
            assertThat(HEX.formatHex(body)).isEqualTo(clear);
            assertThat(b.decode(d, d.length)).isInstanceOf(Decoded.Accepted.class);
        }
    }

    /** HKDF-SHA-256 by hand: the salt, the info layout and the length of docs/link-crypto.md. */
    private static byte[] independentKey(int keyLength) throws Exception {
        byte[] ikm = new byte[keyLength];
        for (int i = 0; i < ikm.length; i++) {
            ikm[i] = (byte) (1 + 7 * i);
        }
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec("quorate link v1 authkey salt".getBytes(StandardCharsets.US_ASCII),
                "HmacSHA256"));
        byte[] prk = extract.doFinal(ikm);
        ByteBuffer info = ByteBuffer.allocate(15 + 1 + 2 + 2 + 8 + 1);
        info.put("quorate link v1".getBytes(StandardCharsets.US_ASCII)).put((byte) 3) // suite id AES_256_GCM
                .putShort((short) 1).putShort((short) 2).putLong(CodecFixtures.INCARNATION_1).put((byte) 1);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(prk, "HmacSHA256"));
        return Arrays.copyOf(expand.doFinal(info.array()), 32);
    }
}
