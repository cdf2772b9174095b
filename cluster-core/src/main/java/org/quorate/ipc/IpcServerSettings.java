package org.quorate.ipc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the local administration socket, with the C daemons' defaults and ranges
 * (spec §10.1/§10.2: local_socket_*, ipc_*).
 *
 * @param socketFile     path of the unix socket ({@code local_socket_file})
 * @param backlog        listen backlog, ≥ 1 ({@code local_socket_backlog}, default 10)
 * @param maxClients     simultaneous connections, 0 = unlimited ({@code ipc_max_clients}, default 10)
 * @param maxReceiveSize longest accepted request, ≥ 1024 ({@code ipc_max_receive_size}, default 4096)
 * @param maxSendSize    longest reply, ≥ 1024 ({@code ipc_max_send_size}; qnetd 10485760, qdevice 65536)
 * @param socketUmask    umask applied to the socket file (0..0777) or null to keep the process umask
 *                       ({@code local_socket_umask}, 3.0.4+ only, errata E-05)
 * @param socketGroup    group name or number given to the socket file, or null to leave it
 *                       ({@code local_socket_gid}, 3.0.4+ only)
 */
public record IpcServerSettings(Path socketFile, int backlog, int maxClients, int maxReceiveSize,
                                int maxSendSize, Integer socketUmask, String socketGroup) {
    public static final int DEFAULT_BACKLOG = 10;
    public static final int DEFAULT_MAX_CLIENTS = 10;
    public static final int DEFAULT_MAX_RECEIVE_SIZE = 4096;
    public static final int MIN_BUFFER_SIZE = 1024;

    public IpcServerSettings {
        Objects.requireNonNull(socketFile, "socketFile");
        if (socketFile.toString().isEmpty()) {
            throw new IllegalArgumentException("local_socket_file must not be empty");
        }
        requireAtLeast("local_socket_backlog", backlog, 1);
        requireAtLeast("ipc_max_clients", maxClients, 0);
        requireAtLeast("ipc_max_receive_size", maxReceiveSize, MIN_BUFFER_SIZE);
        requireAtLeast("ipc_max_send_size", maxSendSize, MIN_BUFFER_SIZE);
        if (socketUmask != null && (socketUmask < 0 || socketUmask > 0777)) {
            throw new IllegalArgumentException(
                    "local_socket_umask must be an octal value 0..0777, got " + Integer.toOctalString(socketUmask));
        }
        if (socketGroup != null && (socketGroup.isEmpty() || socketGroup.equals("-1"))) {
            socketGroup = null;
        }
    }

    /** Defaults for everything but the path and the send limit, which differ per daemon. */
    public static IpcServerSettings defaults(Path socketFile, int maxSendSize) {
        return new IpcServerSettings(socketFile, DEFAULT_BACKLOG, DEFAULT_MAX_CLIENTS,
                DEFAULT_MAX_RECEIVE_SIZE, maxSendSize, null, null);
    }

    public IpcServerSettings withSocketFile(Path path) {
        return new IpcServerSettings(path, backlog, maxClients, maxReceiveSize, maxSendSize, socketUmask, socketGroup);
    }

    public IpcServerSettings withPermissions(Integer umask, String group) {
        return new IpcServerSettings(socketFile, backlog, maxClients, maxReceiveSize, maxSendSize, umask, group);
    }

    public IpcServerSettings withLimits(int clients, int receiveSize, int sendSize) {
        return new IpcServerSettings(socketFile, backlog, clients, receiveSize, sendSize, socketUmask, socketGroup);
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }
}
