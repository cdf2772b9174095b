package org.quorate.qdevice.admin;

import java.util.concurrent.CompletableFuture;

/**
 * What the qdevice daemon core provides to the local administration socket. Both methods are
 * called on the IPC thread and must not block: hand the work to the daemon's event loop.
 */
public interface QdeviceAdminCommands {
    /** An immutable picture of the daemon; failing it answers "Can't get QDevice status". */
    CompletableFuture<QdeviceStatusSnapshot> snapshot();

    /** Called after the OK answer to {@code shutdown} was written: close the IPC server and exit 0. */
    void shutdown();
}
