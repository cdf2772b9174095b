package org.quorate.qdevice.net;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.Vote;

/**
 * The client-side differences between the decision algorithms (spec §7.6): what to vote when the
 * connection drops, whether a missing echo reply is fatal, and whether every disconnect is retried.
 * Everything else (ring-id filter, echo sequence check) is the same for all of them.
 */
public enum ClientAlgorithm {
    TEST, FFSPLIT, TWO_NODE_LMS, LMS;

    public static ClientAlgorithm of(DecisionAlgorithm algorithm) {
        return switch (algorithm) {
            case TEST -> TEST;
            case FFSPLIT -> FFSPLIT;
            case TWO_NODE_LMS -> TWO_NODE_LMS;
            case LMS -> LMS;
        };
    }

    /**
     * The vote to apply when the connection ends. ffsplit withdraws the vote (the other half may get
     * it now); lms keeps it only while quorate with wait_for_all; test and 2nodelms keep casting.
     */
    public Vote voteOnDisconnect(boolean quorate, boolean waitForAll) {
        return switch (this) {
            case FFSPLIT -> Vote.NACK;
            case LMS -> quorate && waitForAll ? Vote.NO_CHANGE : Vote.NACK;
            case TEST, TWO_NODE_LMS -> Vote.NO_CHANGE;
        };
    }

    /** lms retries after any disconnect. */
    public boolean retryAlways() {
        return this == LMS;
    }

    /** lms tolerates a missing echo reply while quorate with wait_for_all. */
    public boolean toleratesMissingEchoReply(boolean quorate, boolean waitForAll) {
        return this == LMS && quorate && waitForAll;
    }
}
