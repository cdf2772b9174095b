package org.quorate.votequorum.message;

/** The {@code param} of a RECONFIGURE message ({@code VOTEQUORUM_RECONFIG_PARAM_*}). */
public enum ReconfigureParam {
    EXPECTED_VOTES(1),
    NODE_VOTES(2),
    CANCEL_WFA(3);

    private final int wireId;

    ReconfigureParam(int wireId) {
        this.wireId = wireId;
    }

    public int wireId() {
        return wireId;
    }

    public static ReconfigureParam fromWireId(long id) {
        for (ReconfigureParam p : values()) {
            if (p.wireId == id) {
                return p;
            }
        }
        return null;
    }
}
