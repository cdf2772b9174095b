package org.quorate.cluster;

/**
 * A node's votequorum state ({@code VOTEQUORUM_NODESTATE_*}). The codes are votequorum's, and the
 * QNet QUORUM node list carries the same numbers (the codec in {@code org.quorate.protocol.codec}
 * encodes them); NOT_SET is Quorate's "no state given" and never travels on the wire.
 */
public enum NodeState {
    NOT_SET(0, "not set"),
    MEMBER(1, "member"),
    DEAD(2, "dead"),
    LEAVING(3, "leaving");

    private final int code;
    private final String displayName;

    NodeState(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** votequorum's number for this state, which is also its QNet wire value. */
    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** The state for a votequorum/wire code; 0 and anything above 3 are not a state and give null. */
    public static NodeState fromCode(int code) {
        for (NodeState s : values()) {
            if (s != NOT_SET && s.code == code) {
                return s;
            }
        }
        return null;
    }
}
