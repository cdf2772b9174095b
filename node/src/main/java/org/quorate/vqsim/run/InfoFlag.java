package org.quorate.vqsim.run;

import java.util.ArrayList;
import java.util.List;

/** votequorum's info flags (votequorum.h VOTEQUORUM_INFO_*), named as corosync-quorumtool prints them. */
public enum InfoFlag {
    TWONODE(1, "2Node"),
    QUORATE(2, "Quorate"),
    WAIT_FOR_ALL(4, "WaitForAll"),
    LAST_MAN_STANDING(8, "LastManStanding"),
    AUTO_TIE_BREAKER(16, "AutoTieBreaker"),
    ALLOW_DOWNSCALE(32, "AllowDownscale"),
    QDEVICE_REGISTERED(64, "Qdevice"),
    // quorumtool shows these three only as the A/NA, V/NV, MW/NMW columns of the device row
    QDEVICE_ALIVE(128, "QdeviceAlive"),
    QDEVICE_CAST_VOTE(256, "QdeviceCastVote"),
    QDEVICE_MASTER_WINS(512, "QdeviceMasterWins");

    private final int bit;
    private final String label;

    InfoFlag(int bit, String label) {
        this.bit = bit;
        this.label = label;
    }

    public int bit() {
        return bit;
    }

    /** The names of the set flags, space-separated, in bit order. */
    public static String names(int flags) {
        List<String> out = new ArrayList<>();
        for (InfoFlag f : values()) {
            if ((flags & f.bit) != 0) {
                out.add(f.label);
            }
        }
        return String.join(" ", out);
    }
}
