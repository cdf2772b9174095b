package org.quorate.testsupport.lab;

/**
 * One row of the "Membership information" table of {@code corosync-quorumtool -s}.
 *
 * @param qdeviceFlags the Qdevice column, e.g. {@code A,V,NMW} (alive, voting, master-wins off) or
 *                     {@code A,NV,NMW}; empty when the cluster has no quorum device
 */
public record QuorumMember(int nodeId, int votes, String qdeviceFlags, String name, boolean local) {

    /** The node's qdevice is alive (connected to corosync): flag {@code A}. */
    public boolean qdeviceAlive() {
        return hasFlag("A");
    }

    /** The node's qdevice casts its vote: flag {@code V} (as opposed to {@code NV}). */
    public boolean qdeviceVoting() {
        return hasFlag("V");
    }

    public boolean hasFlag(String flag) {
        for (String f : qdeviceFlags.split(",")) {
            if (f.equals(flag)) {
                return true;
            }
        }
        return false;
    }
}
