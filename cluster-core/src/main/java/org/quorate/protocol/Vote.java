package org.quorate.protocol;

/** A vote from qnetd (spec §2). UNDEFINED is internal only and is rejected on the wire. */
public enum Vote implements WireCode {
    UNDEFINED(0, "Undefined"),
    ACK(1, "ACK"),
    NACK(2, "NACK"),
    ASK_LATER(3, "Ask later"),
    WAIT_FOR_REPLY(4, "Wait for reply"),
    NO_CHANGE(5, "No change");

    private final int code;
    private final String displayName;

    Vote(int code, String displayName) {
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

    /** The vote for a wire code; 0 and anything above 5 are decode errors and give null. */
    public static Vote fromWire(int code) {
        return code == 0 ? null : WireCode.lookup(Vote.class, code);
    }
}
