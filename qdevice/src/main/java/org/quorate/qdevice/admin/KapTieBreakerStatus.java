package org.quorate.qdevice.admin;

import org.quorate.protocol.DecisionAlgorithm;

/** The "KAP Tie-breaker:" line of the Qdevice-net block (spec §12.4). */
public enum KapTieBreakerStatus {
    UNSUPPORTED_BY_ALGORITHM("Unsupported by algorithm"),
    ALGORITHM_HARD_CODED("Algorithm hard-coded"),
    DISABLED("Disabled"),
    ENABLED("Enabled"),
    UNSUPPORTED_BY_QNETD("Unsupported by QNetd");

    private final String displayName;

    KapTieBreakerStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * @param kapEnabled        {@code keep_active_partition_tie_breaker} is on
     * @param connected         the client is in the connected (voting) state
     * @param serverSupportsKap the server's INIT_REPLY listed option 23
     */
    public static KapTieBreakerStatus of(DecisionAlgorithm algorithm, boolean kapEnabled, boolean connected,
                                         boolean serverSupportsKap) {
        return switch (algorithm) {
            case TEST -> UNSUPPORTED_BY_ALGORITHM;
            case TWO_NODE_LMS, LMS -> ALGORITHM_HARD_CODED;
            case FFSPLIT -> !kapEnabled ? DISABLED
                    : (!connected || serverSupportsKap) ? ENABLED : UNSUPPORTED_BY_QNETD;
        };
    }
}
