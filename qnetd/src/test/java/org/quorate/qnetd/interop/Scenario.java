package org.quorate.qnetd.interop;

/** The steps of the differential script, in the order they run within one lab. */
enum Scenario {
    KILL_NODE("kill node (corosync+qdevice SIGKILL)"),
    REJOIN("restart the killed node"),
    CUT_HALVES("cut the links between the halves"),
    HEAL_CUT("heal the cut"),
    ONE_WAY("drop one direction between two nodes"),
    HEAL_ONE_WAY("heal the one-way drop"),
    QNETD_RESTART("kill -9 qnetd, start it again");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
