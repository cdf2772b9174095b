package org.quorate.qdevice.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CsErrorTest {
    @Test
    void mapsCodesToTheCNames() {
        assertThat(CsError.fromCode(1)).isEqualTo(CsError.OK);
        assertThat(CsError.fromCode(1).cName()).isEqualTo("CS_OK");
        assertThat(CsError.fromCode(22).cName()).isEqualTo("CS_ERR_MESSAGE_ERROR");
        assertThat(CsError.fromCode(100)).isEqualTo(CsError.SECURITY);
        assertThat(CsError.fromCode(29)).isEqualTo(CsError.UNKNOWN);
    }

    @Test
    void onlyLibraryAndBadHandleMeanTheConnectionIsGone() {
        EnumSet<CsError> lost = EnumSet.noneOf(CsError.class);
        for (CsError e : CsError.values()) {
            if (e.isConnectionLost()) {
                lost.add(e);
            }
        }
        assertThat(lost).containsExactlyInAnyOrder(CsError.LIBRARY, CsError.BAD_HANDLE);
    }

    @Test
    void flagWordsRoundTrip() {
        int bits = 2 | 64 | 128 | 512 | 4096;
        assertThat(VotequorumFlag.fromBits(bits)).containsExactlyInAnyOrder(VotequorumFlag.QUORATE,
                VotequorumFlag.QDEVICE_REGISTERED, VotequorumFlag.QDEVICE_ALIVE, VotequorumFlag.QDEVICE_MASTER_WINS);
        assertThat(VotequorumFlag.toBits(VotequorumFlag.fromBits(bits))).isEqualTo(bits & ~4096);
    }
}
