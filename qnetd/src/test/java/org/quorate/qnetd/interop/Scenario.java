package org.quorate.qnetd.interop;

/** The steps of the differential script, in the order they run within one lab. */
enum Scenario {
    KILL_NODE("kill node (corosync+qdevice SIGKILL)"),
    REJOIN("restart the killed node"),
    CUT_HALVES("cut the links between the halves"),
    HEAL_CUT("heal the cut"),
    QNETD_RESTART("kill -9 qnetd, start it again"),
    ONE_WAY("one node hears none of its peers, they all hear it"),
    HEAL_ONE_WAY("heal the one-way drops");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    /**
     * Whether transient vote withdrawals are part of the compared verdict: yes where the fault itself takes
     * the vote away; not on heals, where the rejoining nodes' qdevices re-poll at moments set by corosync's
     * sync timing, which a 20-40 ms sampler catches or misses by chance.
     */
    boolean comparesWithdrawals() {
        return this != REJOIN && this != HEAL_CUT && this != HEAL_ONE_WAY;
    }

    String description() {
        return description;
    }
}
