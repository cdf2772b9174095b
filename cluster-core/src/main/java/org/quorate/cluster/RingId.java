package org.quorate.cluster;

/**
 * A totem ring id: the ring leader's node id (u32) and the ring sequence (u64, kept in a long
 * and treated as unsigned). Printed by the status tools as lower-case hex {@code leader.seq}.
 */
public record RingId(long nodeId, long seq) {
    public static final RingId ZERO = new RingId(0, 0);

    public RingId {
        NodeIds.check(nodeId);
    }

    /** The form the C tools print, for example {@code 1.a00000000021b40}. */
    public String toHex() {
        return Long.toHexString(nodeId) + "." + Long.toHexString(seq);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
