package org.quorate.votequorum;

/**
 * The flags a node carries in its NODEINFO messages ({@code NODE_FLAGS_*} of corosync's votequorum.c,
 * node-and-link spec §2.1). Not the info flags that getinfo reports: those are {@link InfoFlag}.
 */
public enum NodeFlag {
    QUORATE(1),
    LEAVING(2),
    WFASTATUS(4),
    FIRST(8),
    QDEVICE_REGISTERED(16),
    QDEVICE_ALIVE(32),
    QDEVICE_CAST_VOTE(64),
    QDEVICE_MASTER_WINS(128);

    private final int bit;

    NodeFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean in(int flags) {
        return (flags & bit) != 0;
    }

    public int set(int flags, boolean on) {
        return on ? flags | bit : flags & ~bit;
    }
}
