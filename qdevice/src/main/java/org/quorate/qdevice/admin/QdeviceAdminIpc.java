package org.quorate.qdevice.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.quorate.ipc.IpcLexer;
import org.quorate.ipc.IpcServer;
import org.quorate.ipc.IpcServerException;
import org.quorate.ipc.IpcServerSettings;

/**
 * Entry point for the qdevice daemon core: starts the administration socket.
 *
 * <pre>{@code
 * IpcServer ipc = QdeviceAdminIpc.start(QdeviceAdminIpc.defaultSettings(), commands);
 * ...
 * ipc.close();
 * }</pre>
 */
public final class QdeviceAdminIpc {
    /** LOCALSTATEDIR/run/corosync-qdevice/corosync-qdevice.sock on Debian. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/corosync-qdevice/corosync-qdevice.sock");
    /** qdevice's {@code ipc_max_send_size} default. */
    public static final int DEFAULT_MAX_SEND_SIZE = 65536;
    public static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(10);

    private QdeviceAdminIpc() {
    }

    public static IpcServerSettings defaultSettings() {
        return IpcServerSettings.defaults(DEFAULT_SOCKET, DEFAULT_MAX_SEND_SIZE);
    }

    /** Creates the socket (removing a stale one) and serves qdevice's commands (plain lexer). */
    public static IpcServer start(IpcServerSettings settings, QdeviceAdminCommands commands) throws IpcServerException {
        return IpcServer.start("qdevice", settings, IpcLexer.Mode.PLAIN,
                new QdeviceIpcProtocol(commands, SNAPSHOT_TIMEOUT, ZoneId.systemDefault()));
    }
}
