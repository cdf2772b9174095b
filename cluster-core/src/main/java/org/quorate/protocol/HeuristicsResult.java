package org.quorate.protocol;

/**
 * A heuristics result (spec §2). UNDEFINED means "not run / not reported" and is never sent.
 * Algorithms rank them PASS &gt; UNDEFINED &gt; FAIL, which {@link #score()} encodes.
 */
public enum HeuristicsResult implements WireCode {
    UNDEFINED(0, "Undefined", 0),
    PASS(1, "Pass", 1),
    FAIL(2, "Fail", -1);

    private final int code;
    private final String displayName;
    private final int score;

    HeuristicsResult(int code, String displayName, int score) {
        this.code = code;
        this.displayName = displayName;
        this.score = score;
    }

    @Override
    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** Orders results the way the C algorithms compare them: PASS (1) &gt; UNDEFINED (0) &gt; FAIL (-1). */
    public int score() {
        return score;
    }

    /** The result for a wire code; 0 and anything above 2 are decode errors and give null. */
    public static HeuristicsResult fromWire(int code) {
        return code == 0 ? null : WireCode.lookup(HeuristicsResult.class, code);
    }
}
