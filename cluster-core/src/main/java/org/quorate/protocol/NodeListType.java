package org.quorate.protocol;

/** What a NODE_LIST message describes (spec §3.2). */
public enum NodeListType implements WireCode {
    INITIAL_CONFIG(0),
    CHANGED_CONFIG(1),
    MEMBERSHIP(2),
    QUORUM(3);

    private final int code;

    NodeListType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public boolean isConfig() {
        return this == INITIAL_CONFIG || this == CHANGED_CONFIG;
    }

    public static NodeListType fromCode(int code) {
        return WireCode.lookup(NodeListType.class, code);
    }
}
