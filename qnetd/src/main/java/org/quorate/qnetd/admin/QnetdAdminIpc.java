package org.quorate.qnetd.admin;

import java.nio.file.Path;
import java.time.Duration;
import org.quorate.ipc.IpcLexer;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerException;
import org.quorate.ipc.IpcServerSettings;

/**
 * Entry point for the qnetd server core: starts the administration socket.
 *
 * <pre>{@code
 * IpcServer ipc = QnetdAdminIpc.start(QnetdAdminIpc.defaultSettings(), commands);
 * // on shutdown (SIGTERM or the IPC "shutdown" command):
 * ipc.close();
 * }</pre>
 */
public final class QnetdAdminIpc {
    /** LOCALSTATEDIR/run/corosync-qnetd/corosync-qnetd.sock on Debian. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/corosync-qnetd/corosync-qnetd.sock");
    /** qnetd's {@code ipc_max_send_size} default: lists of many clusters are long. */
    public static final int DEFAULT_MAX_SEND_SIZE = 10 * 1024 * 1024;
    public static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(10);

    private QnetdAdminIpc() {
    }

    public static IpcServerSettings defaultSettings() {
        return IpcServerSettings.defaults(DEFAULT_SOCKET, DEFAULT_MAX_SEND_SIZE);
    }

    /** Creates the socket (removing a stale one) and serves qnetd's commands on an IPC thread. */
    public static IpcServer start(IpcServerSettings settings, QnetdAdminCommands commands) throws IpcServerException {
        return IpcServer.start("qnetd", settings, IpcLexer.Mode.QUOTING, new QnetdIpcProtocol(commands, SNAPSHOT_TIMEOUT));
    }
}
