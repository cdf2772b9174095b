package org.quorate.protocol;

/** qnetd decision algorithms (spec §2). The wire value is not range-checked when decoded. */
public enum DecisionAlgorithm implements WireCode {
    TEST(0, "Test", "test"),
    FFSPLIT(1, "Fifty-Fifty split", "ffsplit"),
    TWO_NODE_LMS(2, "2 Node LMS", "2nodelms"),
    LMS(3, "LMS", "lms");

    private final int code;
    private final String displayName;
    private final String configName;

    DecisionAlgorithm(int code, String displayName, String configName) {
        this.code = code;
        this.displayName = displayName;
        this.configName = configName;
    }

    @Override
    public int code() {
        return code;
    }

    /** The text the status tools print, e.g. "Fifty-Fifty split". */
    public String displayName() {
        return displayName;
    }

    /** The value of {@code quorum.device.net.algorithm} in corosync.conf (case-sensitive). */
    public String configName() {
        return configName;
    }

    public static DecisionAlgorithm fromCode(int code) {
        return WireCode.lookup(DecisionAlgorithm.class, code);
    }

    public static DecisionAlgorithm fromConfigName(String name) {
        for (DecisionAlgorithm a : values()) {
            if (a.configName.equals(name)) {
                return a;
            }
        }
        return null;
    }
}
