package org.quorate.qdevice.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CmapValuesTest {
    @Test
    void unsignedTypesPrintWithoutSign() {
        Memory m = new Memory(8);
        m.setLong(0, -1L);
        assertThat(CmapValues.toText(CmapValues.UINT8, m, 1)).isEqualTo("255");
        assertThat(CmapValues.toText(CmapValues.UINT16, m, 2)).isEqualTo("65535");
        assertThat(CmapValues.toText(CmapValues.UINT32, m, 4)).isEqualTo("4294967295");
        assertThat(CmapValues.toText(CmapValues.UINT64, m, 8)).isEqualTo("18446744073709551615");
        assertThat(CmapValues.toText(CmapValues.INT32, m, 4)).isEqualTo("-1");
        assertThat(CmapValues.toText(CmapValues.INT8, m, 1)).isEqualTo("-1");
    }

    @Test
    void stringsStopAtTheTerminatingZero() {
        byte[] b = "lab1\0junk".getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        assertThat(CmapValues.toText(CmapValues.STRING, m, b.length)).isEqualTo("lab1");
    }

    @Test
    void binaryPrintsAsHex() {
        Memory m = new Memory(3);
        m.write(0, new byte[] {0x01, (byte) 0xab, 0x00}, 0, 3);
        assertThat(CmapValues.toText(CmapValues.BINARY, m, 3)).isEqualTo("01ab00");
    }
}
