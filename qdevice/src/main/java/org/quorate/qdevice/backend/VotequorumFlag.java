package org.quorate.qdevice.backend;

import java.util.EnumSet;
import java.util.Set;

/** The flag bits of {@code votequorum_getinfo} (VOTEQUORUM_INFO_* in votequorum.h). */
public enum VotequorumFlag {
    TWO_NODE(1),
    QUORATE(2),
    WAIT_FOR_ALL(4),
    LAST_MAN_STANDING(8),
    AUTO_TIE_BREAKER(16),
    ALLOW_DOWNSCALE(32),
    QDEVICE_REGISTERED(64),
    QDEVICE_ALIVE(128),
    QDEVICE_CAST_VOTE(256),
    QDEVICE_MASTER_WINS(512);

    private final int bit;

    VotequorumFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** Decodes a flag word; bits this enum does not know are ignored. */
    public static Set<VotequorumFlag> fromBits(int bits) {
        EnumSet<VotequorumFlag> set = EnumSet.noneOf(VotequorumFlag.class);
        for (VotequorumFlag f : values()) {
            if ((bits & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }

    public static int toBits(Set<VotequorumFlag> flags) {
        int bits = 0;
        for (VotequorumFlag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }
}
