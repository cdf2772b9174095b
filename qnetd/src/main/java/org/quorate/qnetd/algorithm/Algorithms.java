package org.quorate.qnetd.algorithm;

import java.util.Objects;

import org.quorate.protocol.DecisionAlgorithm;

/** The algorithm implementation for each {@link DecisionAlgorithm}. */
public final class Algorithms {
    private static final QnetdAlgorithm TEST = new TestAlgorithm();
    private static final QnetdAlgorithm FFSPLIT = new FfsplitAlgorithm();
    private static final QnetdAlgorithm TWO_NODE_LMS = new TwoNodeLmsAlgorithm();
    private static final QnetdAlgorithm LMS = new LmsAlgorithm();

    private Algorithms() {
    }

    public static QnetdAlgorithm forType(DecisionAlgorithm type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case TEST -> TEST;
            case FFSPLIT -> FFSPLIT;
            case TWO_NODE_LMS -> TWO_NODE_LMS;
            case LMS -> LMS;
        };
    }
}
