package org.quorate.config;

import org.quorate.ipc.IpcServerSettings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import static org.quorate.config.SettingTypes.integer;

/**
 * The {@code -S} settings corosync-qnetd and corosync-qdevice both take, for the PID lock file and the local
 * status socket ({@code qnet-config.h}): the same names, types, ranges and docs in both daemons, so they are
 * declared here once. Where the daemons differ only in a default (the paths, {@code ipc_max_send_size}) a
 * factory takes that default; each daemon's schema holds its own instance.
 */
public final class DaemonSettingKeys {
    private static final int INT_MAX = Integer.MAX_VALUE;

    public static final Setting<Integer> LOCAL_SOCKET_BACKLOG =
            Setting.builder("local_socket_backlog", integer(1, INT_MAX)).defaultValue(IpcServerSettings.DEFAULT_BACKLOG)
                    .doc("listen backlog of the status socket").build();
    public static final Setting<Integer> LOCAL_SOCKET_UMASK =
            Setting.builder("local_socket_umask", SettingTypes.octal(0777)).support(Support.QUORATE_ONLY)
                    .doc("umask of the status socket (from C 3.0.4; the Debian 3.0.3 daemon rejects the name)").build();
    public static final Setting<Optional<String>> LOCAL_SOCKET_GID = Setting.builder("local_socket_gid",
                    SettingTypes.optionalText("group", "name or gid; empty or -1 = the daemon's"))
            .defaultValue(Optional.empty()).support(Support.QUORATE_ONLY)
            .doc("group of the status socket (from C 3.0.4; the Debian 3.0.3 daemon rejects the name)").build();
    public static final Setting<Integer> IPC_MAX_CLIENTS =
            Setting.builder("ipc_max_clients", integer(0, INT_MAX)).defaultValue(IpcServerSettings.DEFAULT_MAX_CLIENTS)
                    .doc("status-socket clients at once; 0 = unlimited").build();
    public static final Setting<Integer> IPC_MAX_RECEIVE_SIZE =
            Setting.builder("ipc_max_receive_size", integer(IpcServerSettings.MIN_BUFFER_SIZE, INT_MAX))
                    .defaultValue(IpcServerSettings.DEFAULT_MAX_RECEIVE_SIZE)
                    .doc("largest status-socket request, bytes").build();

    private DaemonSettingKeys() {
    }

    /** {@code lock_file}; {@code defaultText} is the path the table shows (the real one follows the run directory). */
    public static Setting<Path> lockFile(Supplier<Path> defaultPath, String defaultText) {
        return Setting.builder("lock_file", SettingTypes.path()).defaultValue(defaultPath, defaultText)
                .doc("PID lock file; another daemon holding it makes this one exit 1").build();
    }

    /** {@code local_socket_file}, the socket {@code tool} (corosync-qnetd-tool, corosync-qdevice-tool) talks to. */
    public static Setting<Path> localSocketFile(String tool, Supplier<Path> defaultPath, String defaultText) {
        return Setting.builder("local_socket_file", SettingTypes.path()).defaultValue(defaultPath, defaultText)
                .doc("status socket of " + tool).build();
    }

    /** {@code ipc_max_send_size}: qnetd's replies list every client, so its default is larger than qdevice's. */
    public static Setting<Integer> ipcMaxSendSize(int defaultSize) {
        return Setting.builder("ipc_max_send_size", integer(IpcServerSettings.MIN_BUFFER_SIZE, INT_MAX))
                .defaultValue(defaultSize).doc("largest status-socket reply, bytes").build();
    }
}
