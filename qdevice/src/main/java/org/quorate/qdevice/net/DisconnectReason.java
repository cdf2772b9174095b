package org.quorate.qdevice.net;

import org.quorate.protocol.ReplyErrorCode;

/**
 * Why the client dropped its qnetd connection (spec §4.7). Never on the wire; it decides whether the
 * daemon reconnects or exits, and it is logged.
 */
public enum DisconnectReason {
    UNEXPECTED_MSG(false, false),
    UNSUPPORTED_MSG(false, false),
    INCOMPATIBLE_TLS(false, false),
    INCOMPATIBLE_MSG_SIZE(false, false),
    REQUIRED_OPTION_MISSING(false, false),
    CANT_START_TLS(false, false),
    SERVER_SENT_ERROR(false, false),
    SERVER_SENT_DUPLICATE_NODE_ID_ERROR(true, false),
    SERVER_SENT_TIE_BREAKER_DIFFERS_FROM_OTHER_NODES_ERROR(true, false),
    SERVER_SENT_ALGORITHM_DIFFERS_FROM_OTHER_NODES_ERROR(true, false),
    SERVER_DOESNT_SUPPORT_REQUIRED_ALGORITHM(false, false),
    SERVER_DOESNT_SUPPORT_REQUIRED_OPT(false, false),
    MSG_DECODE_ERROR(true, false),
    SERVER_CLOSED_CONNECTION(true, false),
    CANT_READ_MESSAGE(true, false),
    CANT_SEND_MESSAGE(true, false),
    COROSYNC_CONNECTION_CLOSED(false, true),
    LOCAL_SOCKET_CLOSED(false, true),
    CANT_CONNECT_TO_THE_SERVER(true, false),
    CANT_SCHEDULE_VOTING_TIMER(false, true),
    ALGO_ECHO_REPLY_RECEIVED_ERR(false, false),
    ALGO_ECHO_REPLY_NOT_RECEIVED_ERR(true, false),
    ALGO_CONFIG_NODE_LIST_CHANGED_ERR(false, false),
    HEURISTICS_WORKER_CLOSED(false, true);

    private final boolean retriedByDefault;
    private final boolean forcesExit;

    DisconnectReason(boolean retriedByDefault, boolean forcesExit) {
        this.retriedByDefault = retriedByDefault;
        this.forcesExit = forcesExit;
    }

    /** Reconnect unless an algorithm says otherwise. */
    public boolean retriedByDefault() {
        return retriedByDefault;
    }

    /** Exit even when the algorithm would retry (the node layer or the daemon itself is gone). */
    public boolean forcesExit() {
        return forcesExit;
    }

    /** The reason for a non-zero INIT_REPLY error code (spec §4.6). */
    public static DisconnectReason forInitError(int code) {
        ReplyErrorCode known = ReplyErrorCode.fromCode(code);
        if (known == null) {
            return SERVER_SENT_ERROR;
        }
        return switch (known) {
            case DUPLICATE_NODE_ID -> SERVER_SENT_DUPLICATE_NODE_ID_ERROR;
            case TIE_BREAKER_DIFFERS_FROM_OTHER_NODES -> SERVER_SENT_TIE_BREAKER_DIFFERS_FROM_OTHER_NODES_ERROR;
            case ALGORITHM_DIFFERS_FROM_OTHER_NODES -> SERVER_SENT_ALGORITHM_DIFFERS_FROM_OTHER_NODES_ERROR;
            default -> SERVER_SENT_ERROR;
        };
    }
}
