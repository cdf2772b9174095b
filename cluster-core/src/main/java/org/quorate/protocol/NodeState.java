package org.quorate.protocol;

/** A node's votequorum state inside a QUORUM node list. NOT_SET never travels on the wire. */
public enum NodeState implements WireCode {
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

    @Override
    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** The state for a wire code; 0 and anything above 3 are decode errors and give null. */
    public static NodeState fromWire(int code) {
        return code == 0 ? null : WireCode.lookup(NodeState.class, code);
    }
}
