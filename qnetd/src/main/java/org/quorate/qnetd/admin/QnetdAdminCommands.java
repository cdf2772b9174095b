package org.quorate.qnetd.admin;

import java.util.concurrent.CompletableFuture;

/**
 * What the qnetd server core provides to the local administration socket. Both methods are
 * called on the IPC thread and must not block: hand the work to the server's event loop.
 */
public interface QnetdAdminCommands {
    /**
     * An immutable picture of the server, completed by the event loop. Failing the future makes
     * the tool print "Can't get QNetd status" / "Can't get QNetd cluster list".
     */
    CompletableFuture<QnetdStatusSnapshot> snapshot();

    /**
     * Called after the OK answer to {@code shutdown} has been written: close the IPC server and
     * stop the daemon like SIGTERM does (clients are disconnected without sending votes).
     */
    void shutdown();
}
