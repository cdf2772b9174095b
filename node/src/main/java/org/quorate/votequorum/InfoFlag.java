package org.quorate.votequorum;

import java.util.EnumSet;
import java.util.Set;

/**
 * The flags of {@code votequorum_getinfo} ({@code VOTEQUORUM_INFO_*}, node-and-link spec §2.4), with the
 * word {@code corosync-quorumtool -s} prints on its {@code Flags:} line (null for the flags it shows in the
 * Qdevice column instead). Declared in the order the tool prints them.
 */
public enum InfoFlag {
    TWONODE(1, "2Node"),
    QUORATE(2, "Quorate"),
    WAIT_FOR_ALL(4, "WaitForAll"),
    LAST_MAN_STANDING(8, "LastManStanding"),
    AUTO_TIE_BREAKER(16, "AutoTieBreaker"),
    ALLOW_DOWNSCALE(32, "AllowDownscale"),
    QDEVICE_REGISTERED(64, "Qdevice"),
    QDEVICE_ALIVE(128, null),
    QDEVICE_CAST_VOTE(256, null),
    QDEVICE_MASTER_WINS(512, null);

    private final int bit;
    private final String printedName;

    InfoFlag(int bit, String printedName) {
        this.bit = bit;
        this.printedName = printedName;
    }

    public int bit() {
        return bit;
    }

    /** The word on the tool's {@code Flags:} line, or null. */
    public String printedName() {
        return printedName;
    }

    public boolean in(int flags) {
        return (flags & bit) != 0;
    }

    public static Set<InfoFlag> decode(int flags) {
        EnumSet<InfoFlag> set = EnumSet.noneOf(InfoFlag.class);
        for (InfoFlag f : values()) {
            if (f.in(flags)) {
                set.add(f);
            }
        }
        return set;
    }
}
