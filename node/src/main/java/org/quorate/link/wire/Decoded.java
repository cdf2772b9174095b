package org.quorate.link.wire;

/** The outcome of decoding one datagram: accepted with its sender, or dropped with a reason. */
public sealed interface Decoded permits Decoded.Accepted, Decoded.Dropped {
    /**
     * @param newIncarnation true on the first packet of a sender incarnation newer than the one known (the
     *                       sender restarted: its dedup and reassembly state must be forgotten)
     */
    record Accepted(int sourceHost, int linkId, long incarnation, boolean newIncarnation, LinkPacket packet)
            implements Decoded {
    }

    /** One instance per reason, so a flood of bad packets allocates nothing. */
    record Dropped(DropReason reason) implements Decoded {
        private static final Dropped[] BY_REASON = new Dropped[DropReason.values().length];

        static {
            for (DropReason r : DropReason.values()) {
                BY_REASON[r.ordinal()] = new Dropped(r);
            }
        }

        public static Dropped of(DropReason reason) {
            return BY_REASON[reason.ordinal()];
        }
    }
}
