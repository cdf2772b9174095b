package org.quorate.qnetd.server;

import org.quorate.protocol.ReplyErrorCode;
import org.quorate.protocol.Vote;

/**
 * What the server reports for metrics, beside its log. The default methods do nothing, so the server
 * runs without a metrics registry.
 */
public interface QnetdEvents {
    QnetdEvents NONE = new QnetdEvents() {
    };

    default void voteSent(Vote vote) {
    }

    default void serverError(ReplyErrorCode code) {
    }

    /** Once per failed connection. */
    default void tlsFailure(TlsFailureReason reason) {
    }

    /** A heartbeat arrived {@code lagMs} later than the client's interval promised (0 if on time). */
    default void heartbeatLag(long lagMs) {
    }

    default void clientDisconnected(String reason) {
    }
}
