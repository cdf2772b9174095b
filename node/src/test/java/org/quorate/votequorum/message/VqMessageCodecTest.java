package org.quorate.votequorum.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class VqMessageCodecTest {
    @Provide
    Arbitrary<VqMessage> messages() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        Arbitrary<String> name = Arbitraries.strings().alpha().numeric().ofMinLength(0).ofMaxLength(254);
        Arbitrary<VqMessage> nodeInfo = Combinators.combine(u32, u32, u32, Arbitraries.integers())
                .as(NodeInfoMessage::new);
        Arbitrary<VqMessage> reconfigure = Combinators.combine(u32, u32, Arbitraries.of(ReconfigureParam.class))
                .as(ReconfigureMessage::new);
        Arbitrary<VqMessage> reg = Combinators.combine(Arbitraries.of(QdeviceOperation.class), name)
                .as(QdeviceRegMessage::new);
        Arbitrary<VqMessage> rename = Combinators.combine(name, name).as(QdeviceReconfigureMessage::new);
        return Arbitraries.oneOf(nodeInfo, reconfigure, reg, rename);
    }

    @Property
    void everyMessageSurvivesTheRoundTrip(@ForAll("messages") VqMessage m) {
        assertThat(VqMessageCodec.decode(VqMessageCodec.encode(m))).isEqualTo(m);
    }

    @Property
    void aTruncatedOrExtendedMessageIsRefused(@ForAll("messages") VqMessage m) {
        byte[] bytes = VqMessageCodec.encode(m);
        byte[] shorter = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> VqMessageCodec.decode(shorter)).isInstanceOf(VqDecodeException.class);
        assertThatThrownBy(() -> VqMessageCodec.decode(longer)).isInstanceOf(VqDecodeException.class);
    }

    @Test
    void unknownIdsAndUnterminatedNamesAreRefused() {
        assertThatThrownBy(() -> VqMessageCodec.decode(new byte[] {0, 0, 0, 4}))
                .hasMessage("unknown votequorum message id 4");
        assertThatThrownBy(() -> VqMessageCodec.decode(new byte[] {0, 0}))
                .hasMessageContaining("shorter than its header");
        byte[] reconf = VqMessageCodec.encode(new ReconfigureMessage(1, 2, ReconfigureParam.NODE_VOTES));
        ByteBuffer.wrap(reconf).putInt(12, 9);
        assertThatThrownBy(() -> VqMessageCodec.decode(reconf)).hasMessage("RECONFIGURE with unknown param 9");
        byte[] reg = VqMessageCodec.encode(new QdeviceRegMessage(QdeviceOperation.REGISTER, "Qdevice"));
        java.util.Arrays.fill(reg, 8, reg.length, (byte) 'x');
        assertThatThrownBy(() -> VqMessageCodec.decode(reg)).hasMessageContaining("not NUL-terminated");
        assertThatThrownBy(() -> new QdeviceRegMessage(QdeviceOperation.REGISTER, "x".repeat(255)))
                .hasMessageContaining("at most 254 fit");
    }
}
