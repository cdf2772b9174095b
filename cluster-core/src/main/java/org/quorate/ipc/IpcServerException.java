package org.quorate.ipc;

import java.io.IOException;

/** The IPC socket could not be created; the message names the socket path and the reason. */
public final class IpcServerException extends IOException {
    public IpcServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
