package org.quorate.qnetd.server;

import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.message.Init;

/**
 * The field checks of INIT in the C server's exact order (spec §4.4). Some branches run even after
 * an earlier error, so a later check can overwrite the code (quirk Q4): for example INIT before
 * PREINIT without a heartbeat answers 13, not 6. Clients and conformance tests see these codes.
 */
public final class InitCheck {
    private InitCheck() {
    }

    /** The error code for {@code init}, or NO_ERROR when the cluster-level checks may follow. */
    public static ReplyErrorCode check(Init init, boolean preinitReceived, long heartbeatMin, long heartbeatMax) {
        ReplyErrorCode err = ReplyErrorCode.NO_ERROR;
        if (!preinitReceived) {
            err = ReplyErrorCode.PREINIT_REQUIRED;
        }
        if (ok(err) && init.nodeId() == null) {
            err = ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION;
        }
        if (ok(err) && init.ringId() == null) {
            err = ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION;
        }
        if (ok(err) && init.heartbeatInterval() == null) {
            err = ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION;
        } else {
            long hb = init.heartbeatInterval() == null ? 0 : init.heartbeatInterval();
            if (hb < heartbeatMin || hb > heartbeatMax) {
                err = ReplyErrorCode.INVALID_HEARTBEAT_INTERVAL;
            }
        }
        if (ok(err) && init.tieBreaker() == null) {
            err = ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION;
        }
        if (ok(err) && init.decisionAlgorithm() == null) {
            err = ReplyErrorCode.DOESNT_CONTAIN_REQUIRED_OPTION;
        } else {
            int algorithm = init.decisionAlgorithm() == null ? 0 : init.decisionAlgorithm();
            if (DecisionAlgorithm.fromCode(algorithm) == null) {
                err = ReplyErrorCode.UNSUPPORTED_DECISION_ALGORITHM;
            }
        }
        return err;
    }

    private static boolean ok(ReplyErrorCode err) {
        return err == ReplyErrorCode.NO_ERROR;
    }
}
